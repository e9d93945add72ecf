import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core';
import { readFileOrNull, writeFileAtomic } from '../core/atomicFile';
import { BADGE_TOPICS, createBadgeUpdater } from './badge';
import { bindIpc } from './ipcBinding';
import { isTrustedRendererUrl } from './trustedSender';
import { windowOptions } from './windowOptions';
import { loadBounds, saveBounds, type TextFiles } from './windowState';

// The Electron shell only: lifecycle, one window, IPC binding. Every decision lives in tested modules.
const here = fileURLToPath(new URL('.', import.meta.url));
const files: TextFiles = { read: readFileOrNull, writeAtomic: writeFileAtomic };
const indexFile = join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((e) => {
    console.error(e);
    app.exit(1);
  });
}

async function start() {
  const dataDir = join(app.getPath('userData'), 'store');
  mkdirSync(dataDir, { recursive: true });
  core = await createCore({ dataDir });
  // No permission (camera, geolocation, ...) is ever granted except notifications.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permission === 'notifications'));
  const trusted = (url: string | undefined) =>
    isTrustedRendererUrl(url, { indexFileUrl: pathToFileURL(indexFile).href, devServerUrl });
  bindIpc(ipcMain, core, trusted, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  createWindow();
  // The breached count on the dock/launcher badge (or the title): asked of the core after queue/clock changes.
  const c = core;
  const badge = createBadgeUpdater(
    { setBadgeCount: (n) => app.setBadgeCount(n), setTitle: (t) => mainWindow?.setTitle(t) },
    async () => {
      const r = await c.call('queue.counts', {}, 'electron-main-badge');
      return r.ok ? (r.value as { breached: number }).breached : null;
    },
  );
  void badge.update();
  c.subscribe((e) => (e.topics.some((t) => BADGE_TOPICS.has(t)) ? void badge.update() : undefined));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow() {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const bounds = loadBounds(files, statePath);
  const win = new BrowserWindow(windowOptions(bounds, join(here, '../preload/index.cjs'), 'Kefu Desk'));
  mainWindow = win;
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // Navigation away from the app and new windows are refused; links open in the user's browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveBounds(files, statePath, { ...b, maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(indexFile);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => {
  void core?.close();
});

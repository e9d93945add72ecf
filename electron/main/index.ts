import { teamDbFromEnv } from '../core/team/teamDb';
import { app, BrowserWindow, ipcMain, Notification, protocol, session, shell } from 'electron';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core';
import { readFileOrNull, writeFileAtomic } from '../core/atomicFile';
import { BADGE_TOPICS, createBadgeUpdater } from './badge';
import { topic, type ChangeEvent } from '../../shared/contract';
import { IPC_CHANGE_CHANNEL } from '../../shared/contract/transport';
import type { Locale, Notice } from '../../shared/schema';
import { createDesktopNotifier } from './desktopNotifier';
import { bindIpc, type IpcBinding } from './ipcBinding';
import { openingTracker, pendingCore } from '../core/pendingCore';
import { signInPreview } from '../core/identity/signInPreview';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererEntry, serveAppRequest } from './appProtocol';
import { isAllowedExternalUrl } from './externalLinks';
import { isTrustedRendererUrl } from './trustedSender';
import { windowOptions } from './windowOptions';
import { loadBounds, saveBounds, type TextFiles } from './windowState';

// The Electron shell only: lifecycle, one window, IPC binding. Every decision lives in tested modules.
const here = fileURLToPath(new URL('.', import.meta.url));
const files: TextFiles = { read: readFileOrNull, writeAtomic: writeFileAtomic };
const rendererRoot = join(here, '../renderer');
// app://kefu/index.html (the built renderer), or the dev server only in an unpackaged app (appProtocol.ts).
const entry = rendererEntry({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
// DevTools only in an unpackaged app (electron-vite dev / preview), never in a packaged build.
const devTools = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let ipc: IpcBinding | null = null;

// Must happen before the app is ready: app:// is a standard, secure scheme (own origin, secure context).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

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
  // The window opens at once (showing its loading state); calls wait for the store, which can take seconds.
  // Team mode when KEFU_TEAM_DATABASE_URL names the team's PostgreSQL (README "Team mode").
  const progress = openingTracker();
  const team = teamDbFromEnv() ?? undefined;
  const opening = createCore({ dataDir, team, onOpenProgress: progress.update, firstPageFirst: true, compactHeapWhenSettled: true });
  // The sign-in screen shows while the store opens, from the local store's profiles (team profiles live in the team's
  // database: the window waits for it).
  const preview = team ? undefined : () => signInPreview(dataDir);
  // No permission (camera, geolocation, ...) is ever granted to the page. Desktop notifications come from this
  // process (Electron Notification, below), so the page's own Notification API stays off: no doubles.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Each app:// request is mapped to a file of out/renderer by serveAppRequest (traversal refused, fixed MIME types).
  // Read synchronously, as web mode does (electron/web/staticFiles.ts): the store opens on this thread, and an
  // asynchronous read would wait several of its ~100 ms turns.
  protocol.handle(APP_SCHEME, async (req) => {
    const r = await serveAppRequest(req, rendererRoot, async (p) => readFileSync(p));
    return new Response(r.body, { status: r.status, headers: r.headers });
  });
  const trusted = (url: string | undefined) => isTrustedRendererUrl(url, { devServerUrl: entry.devServerUrl });
  ipc = bindIpc(ipcMain, pendingCore(opening, progress.get, preview), trusted, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  createWindow();
  core = await opening.catch((e: unknown) => {
    // The window stays up and shows the reason (every call answers with it); nothing is deleted.
    console.error('Kefu Desk could not open its store', e);
    return null;
  });
  if (!core) return;
  const c = core;
  // The session the window's agent signed in with (held by the IPC binding); null while signed out. The main
  // process asks as that agent, so a trainee's or a locked window gets no live counts or notices either.
  const windowSession = () => (mainWindow ? (ipc?.sessionOf(mainWindow.webContents.id) ?? null) : null);
  // The breached count on the dock/launcher badge (or the title): asked of the core after queue/clock changes.
  const badge = createBadgeUpdater(
    { setBadgeCount: (n) => app.setBadgeCount(n), setTitle: (t) => mainWindow?.setTitle(t) },
    async () => {
      const r = await c.call('queue.counts', {}, windowSession());
      return r.ok ? (r.value as { breached: number }).breached : null;
    },
  );
  void badge.update();
  const notifier = createDesktopNotifier({
    listNotices: async () => {
      const r = await c.call('notices.list', {}, windowSession());
      return r.ok ? (r.value as Notice[]) : null;
    },
    locale: async () => {
      const r = await c.call('session.get', {}, windowSession());
      return r.ok ? (r.value as { locale: Locale }).locale : 'zh-CN';
    },
    sink: {
      show: ({ title, body }, onClick) => {
        const n = new Notification({ title, body });
        n.on('click', onClick);
        n.show();
      },
    },
    openConversation: (id) => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      const event: ChangeEvent = { seq: 0, topics: [topic.open(id)], at: Date.now() };
      mainWindow.webContents.send(IPC_CHANGE_CHANNEL, event);
    },
  });
  void notifier.update();
  c.subscribe((e) => (e.topics.includes(topic.notices) ? void notifier.update() : undefined));
  c.subscribe((e) => (e.topics.some((t) => BADGE_TOPICS.has(t)) ? void badge.update() : undefined));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow() {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const bounds = loadBounds(files, statePath);
  const win = new BrowserWindow(windowOptions(bounds, join(here, '../preload/index.cjs'), 'Kefu Desk', devTools));
  mainWindow = win;
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // Navigation away from the app and new windows are refused; links to the allow-listed hosts
  // (externalLinkAllowList.ts) open in the user's browser, every other link is dropped.
  const openOutside = (url: string) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };
  win.webContents.on('will-navigate', (e, url) => {
    e.preventDefault();
    openOutside(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveBounds(files, statePath, { ...b, maximized: win.isMaximized() });
  });
  const webContentsId = win.webContents.id;
  win.on('closed', () => {
    ipc?.forget(webContentsId);
    mainWindow = null;
  });
  void win.loadURL(entry.url);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => {
  // Every acknowledged action is already fsynced in the journal; an interrupted compaction is redone next start.
  void core?.close();
});

import type { WindowBounds } from './windowState';

/**
 * The BrowserWindow options, as a pure function so the security settings are asserted by a unit test:
 * context isolation, sandbox, no Node in the page, web security, no webview, no remote content, no middle-click
 * new windows (Auxclick), and DevTools only when asked for (`devTools`: false in a packaged app, see index.ts).
 */
export function windowOptions(bounds: WindowBounds, preloadPath: string, title: string, devTools = false) {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 560,
    title,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    },
  } as const;
}

import { describe, expect, it } from 'vitest';
import { CALL_NAMES, ok, type ChangeEvent } from '../../shared/contract';
import { ipcChannel, IPC_CHANGE_CHANNEL } from '../../shared/contract/transport';
import { bindIpc, type IpcInvokeEvent } from '../../electron/main/ipcBinding';
import { createPreloadApi, exposeKefuApi } from '../../electron/preload/exposeApi';
import { isTrustedRendererUrl } from '../../electron/main/trustedSender';
import { windowOptions } from '../../electron/main/windowOptions';
import { DEFAULT_BOUNDS, loadBounds, saveBounds } from '../../electron/main/windowState';

const INDEX = 'app://kefu/index.html';

describe('IPC binding (main process)', () => {
  function setup() {
    const handlers = new Map<string, (e: IpcInvokeEvent, input: unknown) => Promise<unknown>>();
    const calls: unknown[][] = [];
    let feed: ((e: ChangeEvent) => void) | null = null;
    const sent: unknown[][] = [];
    const unbind = bindIpc(
      { handle: (c, l) => handlers.set(c, l), removeHandler: (c) => handlers.delete(c) },
      {
        call: async (...args) => (calls.push(args), ok('fine')),
        subscribe: (l) => ((feed = l), () => (feed = null)),
      },
      (url) => isTrustedRendererUrl(url),
      () => [{ send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false }],
    );
    return { handlers, calls, sent, unbind, emit: (e: ChangeEvent) => feed?.(e) };
  }

  it('registers exactly one channel per contract entry', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(ipcChannel).sort());
  });

  it('passes trusted calls to the core with no session until the core issues one, refuses untrusted frames', async () => {
    const { handlers, calls } = setup();
    const h = handlers.get(ipcChannel('session.get'))!;
    expect(await h({ sender: { id: 7 }, senderFrame: { url: INDEX } }, {})).toEqual(ok('fine'));
    expect(calls.map((c) => c.slice(0, 3))).toEqual([['session.get', {}, null]]);
    const foreign = ['https://evil.example/index.html', 'file:///opt/Kefu%20Desk/resources/app/out/renderer/index.html', 'app://kefu.evil/index.html', undefined];
    for (const url of foreign) {
      const r = await h({ sender: { id: 7 }, senderFrame: url ? { url } : null }, {});
      expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(calls.length).toBe(1);
  });

  it('keeps the session the core issues per window: the page never sees or chooses it', async () => {
    const handlers = new Map<string, (e: IpcInvokeEvent, input: unknown) => Promise<unknown>>();
    const seen: (string | null)[] = [];
    const binding = bindIpc(
      { handle: (c, l) => handlers.set(c, l), removeHandler: (c) => handlers.delete(c) },
      {
        call: async (name, _input, sessionId, sink) => {
          seen.push(sessionId);
          if (name === 'session.signIn') sink?.issued(`core-issued-${seen.length}`);
          if (name === 'session.signOut') sink?.issued(null);
          return ok({});
        },
        subscribe: () => () => {},
      },
      (url) => isTrustedRendererUrl(url),
      () => [],
    );
    const frame = { url: INDEX };
    const call = (name: string, windowId: number, input: unknown = {}) => handlers.get(ipcChannel(name as never))!({ sender: { id: windowId }, senderFrame: frame }, input);
    await call('session.signIn', 1, { agentId: 'a', secret: '111111', sessionId: 'chosen-by-page' });
    await call('session.get', 1);
    await call('session.get', 2); // another window: not signed in
    expect(seen).toEqual([null, 'core-issued-1', null]);
    expect(binding.sessionOf(1)).toBe('core-issued-1');
    await call('session.signOut', 1);
    await call('session.get', 1);
    expect(seen.at(-1)).toBeNull();
    expect(binding.sessionOf(1)).toBeNull();
  });

  it('forwards change events to windows and unbinds cleanly', () => {
    const { emit, sent, unbind, handlers } = setup();
    emit({ seq: 1, topics: ['queue'], at: 1 });
    expect(sent).toEqual([[IPC_CHANGE_CHANNEL, { seq: 1, topics: ['queue'], at: 1 }]]);
    unbind();
    expect(handlers.size).toBe(0);
  });
});

describe('preload', () => {
  it('exposes one object with a function per contract entry and an unsubscribable change feed', async () => {
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    let exposed: { key: string; api: ReturnType<typeof createPreloadApi> } | null = null;
    exposeKefuApi(
      { exposeInMainWorld: (key, api) => (exposed = { key, api: api as ReturnType<typeof createPreloadApi> }) },
      {
        invoke: async (...a) => (invoked.push(a), ok(1)),
        on: (c, l) => listeners.set(c, l),
        removeListener: (c) => listeners.delete(c),
      },
    );
    expect(exposed!.key).toBe('kefu');
    const api = exposed!.api;
    expect(Object.keys(api).sort()).toEqual(['call', 'onChange']);
    expect(Object.keys(api.call).sort()).toEqual([...CALL_NAMES].sort());
    await api.call['queue.page']({ offset: 0, limit: 10 });
    expect(invoked).toEqual([[ipcChannel('queue.page'), { offset: 0, limit: 10 }]]);

    const got: ChangeEvent[] = [];
    const off = api.onChange((e) => got.push(e));
    listeners.get(IPC_CHANGE_CHANNEL)!({}, { seq: 1, topics: ['queue'], at: 5 });
    listeners.get(IPC_CHANGE_CHANNEL)!({}, { nonsense: true });
    expect(got).toEqual([{ seq: 1, topics: ['queue'], at: 5 }]);
    off();
    expect(listeners.has(IPC_CHANGE_CHANNEL)).toBe(false);
  });
});

describe('window', () => {
  it('is isolated, sandboxed and without Node', () => {
    const w = windowOptions(DEFAULT_BOUNDS, '/app/preload/index.cjs', 'Kefu Desk');
    expect(w.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(w.webPreferences.preload.endsWith('.cjs')).toBe(true);
  });

  it('has DevTools off unless asked for (index.ts asks only in an unpackaged app)', () => {
    expect(windowOptions(DEFAULT_BOUNDS, '/p.cjs', 'K').webPreferences.devTools).toBe(false);
    expect(windowOptions(DEFAULT_BOUNDS, '/p.cjs', 'K', false).webPreferences.devTools).toBe(false);
    expect(windowOptions(DEFAULT_BOUNDS, '/p.cjs', 'K', true).webPreferences.devTools).toBe(true);
  });

  it('restores the saved size and falls back to the default on a bad file', () => {
    const disk = new Map<string, string>();
    const files = { read: (p: string) => disk.get(p) ?? null, writeAtomic: (p: string, t: string) => void disk.set(p, t) };
    expect(loadBounds(files, 'w.json')).toEqual(DEFAULT_BOUNDS);
    saveBounds(files, 'w.json', { x: 10, y: 20, width: 1500, height: 900, maximized: true });
    expect(loadBounds(files, 'w.json')).toEqual({ x: 10, y: 20, width: 1500, height: 900, maximized: true });
    disk.set('w.json', '{"width": 5');
    expect(loadBounds(files, 'w.json')).toEqual(DEFAULT_BOUNDS);
    disk.set('w.json', '{"width": 10, "height": 10}');
    expect(loadBounds(files, 'w.json')).toEqual(DEFAULT_BOUNDS);
  });

  it('trusts exactly the app://kefu origin, never file: pages', () => {
    for (const good of ['app://kefu/index.html', 'app://kefu/', 'app://kefu/index.html?x=1#y', 'APP://kefu/index.html']) {
      expect(isTrustedRendererUrl(good), good).toBe(true);
    }
    const bad = [
      'file:///opt/Kefu%20Desk/resources/app/out/renderer/index.html',
      'app://kefu.evil.com/index.html',
      'app://evil/index.html',
      'app://kefuu/index.html',
      // Chromium hands over canonical (lowercase) hosts for a standard scheme; anything else is not ours.
      'app://KEFU/index.html',
      'app://kefu:8080/index.html',
      'app://user:pw@kefu/index.html',
      'app:kefu/index.html',
      'https://kefu/index.html',
      'http://localhost:5173/',
      'app://evil/app://kefu/index.html',
      'https://evil.example/?app://kefu/',
      'not a url',
      '',
      undefined,
    ];
    for (const url of bad) expect(isTrustedRendererUrl(url), String(url)).toBe(false);
  });

  it('trusts the dev server only by exact origin, and only when one is set', () => {
    const t = { devServerUrl: 'http://localhost:5173' };
    expect(isTrustedRendererUrl('http://localhost:5173/', t)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/src/main.tsx', t)).toBe(true);
    expect(isTrustedRendererUrl('app://kefu/index.html', t)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173.evil.com/', t)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5174/', t)).toBe(false);
    expect(isTrustedRendererUrl('https://localhost:5173/', t)).toBe(false);
    expect(isTrustedRendererUrl('http://u@localhost:5173/', t)).toBe(false);
    expect(isTrustedRendererUrl('not a url', t)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', {})).toBe(false);
  });
});

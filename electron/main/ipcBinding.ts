import type { CoreGateway } from '../core/pendingCore';
import { CALL_NAMES, fail } from '../../shared/contract';
import { ipcChannel, IPC_CHANGE_CHANNEL } from '../../shared/contract/transport';

/** The slice of Electron's ipcMain and event objects the binding uses, so it is tested with fakes. */
export interface IpcInvokeEvent {
  sender: { id: number };
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface WindowSink {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** What `bindIpc` returns: unbind, plus the session each window holds (for the main process's own calls). */
export type IpcBinding = (() => void) & {
  /** The session the core issued to this window (null: signed out). */
  sessionOf(webContentsId: number): string | null;
  /** A window closed: its session is forgotten here (the core expires it). */
  forget(webContentsId: number): void;
};

/**
 * One IPC handler per contract entry. The sender frame must be our own renderer; the payload is validated by the
 * core's dispatcher (the same gate as web mode). The session is bound to the window: the core hands the id it
 * issues at sign-in to this binding, which keeps it per webContents and never lets the page see or choose it.
 */
export function bindIpc(
  ipc: IpcMainLike,
  core: CoreGateway,
  isTrustedSender: (url: string | undefined) => boolean,
  windows: () => WindowSink[],
): IpcBinding {
  const sessions = new Map<number, string>();
  for (const name of CALL_NAMES) {
    ipc.handle(ipcChannel(name), async (event, input) => {
      if (!isTrustedSender(event.senderFrame?.url)) return fail('forbidden', 'IPC from an untrusted frame');
      const windowId = event.sender.id;
      return core.call(name, input, sessions.get(windowId) ?? null, {
        issued: (id) => (id ? sessions.set(windowId, id) : sessions.delete(windowId)),
      });
    });
  }
  const unsubscribe = core.subscribe((e) => {
    for (const w of windows()) if (!w.isDestroyed()) w.send(IPC_CHANGE_CHANNEL, e);
  });
  const unbind = () => {
    unsubscribe();
    for (const name of CALL_NAMES) ipc.removeHandler(ipcChannel(name));
  };
  return Object.assign(unbind, {
    sessionOf: (id: number) => sessions.get(id) ?? null,
    forget: (id: number) => void sessions.delete(id),
  });
}

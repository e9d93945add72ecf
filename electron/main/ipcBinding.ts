import type { CoreGateway } from '../core/pendingCore';
import { CALL_NAMES, fail, type ChangeEvent, type Result } from '../../shared/contract';
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

/** The core session of one window: per window, so each window can be a different signed-in agent. */
export const ipcSessionId = (webContentsId: number) => `ipc:${webContentsId}`;

/**
 * One IPC handler per contract entry. The sender frame must be our own renderer; the payload is validated by the
 * core's dispatcher (the same gate as web mode). Returns an unbind function.
 */
export function bindIpc(
  ipc: IpcMainLike,
  core: CoreGateway,
  isTrustedSender: (url: string | undefined) => boolean,
  windows: () => WindowSink[],
): () => void {
  for (const name of CALL_NAMES) {
    ipc.handle(ipcChannel(name), async (event, input) => {
      if (!isTrustedSender(event.senderFrame?.url)) return fail('forbidden', 'IPC from an untrusted frame');
      return core.call(name, input, ipcSessionId(event.sender.id));
    });
  }
  const unsubscribe = core.subscribe((e) => {
    for (const w of windows()) if (!w.isDestroyed()) w.send(IPC_CHANGE_CHANNEL, e);
  });
  return () => {
    unsubscribe();
    for (const name of CALL_NAMES) ipc.removeHandler(ipcChannel(name));
  };
}

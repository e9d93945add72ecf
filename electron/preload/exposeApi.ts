import { ChangeEvent, type CallName, type Result } from '../../shared/contract';
import { buildCalls, ipcChannel, IPC_CHANGE_CHANNEL, type KefuApi } from '../../shared/contract/transport';

/** The two pieces of Electron the preload needs, as interfaces so this file is tested without Electron. */
export interface BridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.kefu`: one function per contract entry and a change subscription returning an unsubscribe.
 * Raw ipcRenderer never reaches the page; the page cannot pick a channel.
 */
export function createPreloadApi(ipc: IpcRendererLike): KefuApi {
  return {
    call: buildCalls((name: CallName, input: unknown) => ipc.invoke(ipcChannel(name), input) as Promise<Result<unknown>>),
    onChange(listener) {
      const wrapped = (_event: unknown, payload: unknown) => {
        const parsed = ChangeEvent.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      };
      ipc.on(IPC_CHANGE_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(IPC_CHANGE_CHANNEL, wrapped);
      };
    },
  };
}

export function exposeKefuApi(bridge: BridgeLike, ipc: IpcRendererLike): void {
  bridge.exposeInMainWorld('kefu', createPreloadApi(ipc));
}

// The surface the preload exposes, as a function of ipcRenderer so it can be tested without Electron.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { isMethodName, isTopicName } from '../engine/api/contract';
import { INVOKE_PREFIX, PUSH_CHANNEL } from '../main/ipc';

export function exposedApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  return {
    invoke(name: string, input: unknown): Promise<unknown> {
      if (!isMethodName(name)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `No API method named ${JSON.stringify(name)}` } });
      }
      return ipc.invoke(INVOKE_PREFIX + name, input);
    },
    subscribe(topic: string, cb: (payload: unknown) => void): () => void {
      if (!isTopicName(topic)) throw new Error(`No push topic named ${JSON.stringify(topic)}`);
      const listener = (_event: IpcRendererEvent, pushedTopic: string, payload: unknown) => {
        if (pushedTopic === topic) cb(payload);
      };
      ipc.on(PUSH_CHANNEL, listener);
      return () => {
        ipc.removeListener(PUSH_CHANNEL, listener);
      };
    },
  };
}

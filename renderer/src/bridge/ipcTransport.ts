// The Electron transport: the preload's window.replayground (invoke + subscribe over IPC).
import type { PreloadApi, Transport } from './types';

export function createIpcTransport(api: PreloadApi): Transport {
  return {
    kind: 'ipc',
    invoke: (name, input) => api.invoke(name, input),
    subscribe: (topic, cb) => api.subscribe(topic, cb),
    onConnectionChange(cb) {
      cb(true); // IPC to the main process is always there while the window exists
      return () => undefined;
    },
  };
}

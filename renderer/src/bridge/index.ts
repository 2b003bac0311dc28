// The UI's only door to the engine. IPC when the Electron preload is present, HTTP otherwise.
import { createHttpTransport } from './httpTransport';
import { createIpcTransport } from './ipcTransport';
import { EngineError, type MethodInput, type MethodName, type MethodOutput, type PreloadApi, type TopicName, type TopicPayload, type Transport } from './types';

declare global {
  interface Window {
    replayground?: PreloadApi;
  }
}

export { EngineError };
export type { MethodName, MethodInput, MethodOutput, TopicName, TopicPayload };

const transport: Transport = window.replayground ? createIpcTransport(window.replayground) : createHttpTransport();

export function transportKind(): Transport['kind'] {
  return transport.kind;
}

export async function invoke<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const envelope = await transport.invoke(name, input);
  if (!envelope.ok) throw new EngineError(envelope.error);
  return envelope.value as MethodOutput<K>;
}

export function subscribe<T extends TopicName>(topic: T, cb: (payload: TopicPayload<T>) => void): () => void {
  return transport.subscribe(topic, cb as (payload: unknown) => void);
}

export function onConnectionChange(cb: (connected: boolean) => void): () => void {
  return transport.onConnectionChange(cb);
}

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

let inFlight = 0;
const idleWaiters: Array<() => void> = [];

export async function invoke<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  inFlight++;
  try {
    const envelope = await transport.invoke(name, input);
    if (!envelope.ok) throw new EngineError(envelope.error);
    return envelope.value as MethodOutput<K>;
  } finally {
    inFlight--;
    if (inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }
}

/** Resolves once no call is in flight: a profile switch waits here so a last autosave lands in the right profile. */
export function whenIdle(): Promise<void> {
  if (inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

export function subscribe<T extends TopicName>(topic: T, cb: (payload: TopicPayload<T>) => void): () => void {
  return transport.subscribe(topic, cb as (payload: unknown) => void);
}

export function onConnectionChange(cb: (connected: boolean) => void): () => void {
  return transport.onConnectionChange(cb);
}

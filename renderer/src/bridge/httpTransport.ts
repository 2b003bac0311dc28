// The web host transport: POST /api/<method> and one EventSource for every push topic.
import type { Envelope, Transport } from './types';

export function createHttpTransport(base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let source: EventSource | null = null;
  let connected = false;

  function setConnected(value: boolean): void {
    if (connected === value) return;
    connected = value;
    for (const cb of connectionListeners) cb(value);
  }

  function ensureStream(): void {
    if (source) return;
    source = new EventSource(`${base}/api/push`);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false); // EventSource reconnects by itself
    source.addEventListener('push', (event) => {
      const { topic, payload } = JSON.parse((event as MessageEvent<string>).data) as { topic: string; payload: unknown };
      for (const cb of listeners.get(topic) ?? []) cb(payload);
    });
  }

  return {
    kind: 'http',
    async invoke(name, input) {
      try {
        const res = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        setConnected(true);
        return (await res.json()) as Envelope;
      } catch (err) {
        setConnected(false);
        return { ok: false, error: { code: 'DISCONNECTED', message: `The engine is not reachable: ${(err as Error).message}` } };
      }
    },
    subscribe(topic, cb) {
      ensureStream();
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(cb);
      return () => set.delete(cb);
    },
    onConnectionChange(cb) {
      ensureStream();
      connectionListeners.add(cb);
      cb(connected);
      return () => connectionListeners.delete(cb);
    },
  };
}

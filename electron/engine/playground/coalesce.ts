// Coalesces the session's change notices so a burst (1,000 commands a second from the scenario
// runner) reaches the UI as a few pushes: at most one `playground.changed` per interval, carrying
// every part that changed in it. This is the one debounce between the engine and the page.
import type { PlaygroundPart } from '../common/playground';

export interface Coalescer {
  add(parts: readonly PlaygroundPart[]): void;
  flush(): void;
  close(): void;
}

export function createCoalescer(send: (push: { parts: PlaygroundPart[] }) => void, intervalMs = 150): Coalescer {
  let pending = new Set<PlaygroundPart>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const parts = [...pending];
    pending = new Set();
    if (parts.length > 0) send({ parts });
  };
  return {
    add(parts) {
      for (const p of parts) pending.add(p);
      timer ??= setTimeout(flush, intervalMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = new Set();
    },
  };
}

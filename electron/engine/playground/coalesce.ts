// Coalesces change notices so a burst (1,000 commands a second from the scenario runner) reaches
// the UI as a few pushes: at most one per topic per interval, carrying the union of what changed.
import type { ChangeNotice } from './sessionCore';

export interface CoalescedPush {
  'events.appended'?: { streamId: string; fromPosition: number; toPosition: number };
  'broker.changed'?: { reason: string };
  'projection.changed'?: { name: string; checkpoint: number };
  'playground.changed'?: { reason: string };
}

export interface Coalescer {
  add(notice: ChangeNotice): void;
  flush(): void;
  close(): void;
}

export function createCoalescer(send: (batch: CoalescedPush) => void, intervalMs = 150): Coalescer {
  let pending: CoalescedPush = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = {};
    if (Object.keys(batch).length > 0) send(batch);
  };
  return {
    add(n) {
      if (n.kind === 'store') {
        const prev = pending['events.appended'];
        pending['events.appended'] = prev
          ? { streamId: prev.streamId === n.streamId ? prev.streamId : '*', fromPosition: Math.min(prev.fromPosition, n.fromPosition ?? 0), toPosition: Math.max(prev.toPosition, n.toPosition ?? 0) }
          : { streamId: n.streamId ?? '*', fromPosition: n.fromPosition ?? 0, toPosition: n.toPosition ?? 0 };
      } else if (n.kind === 'broker') pending['broker.changed'] = { reason: 'playground' };
      else if (n.kind === 'projection') pending['projection.changed'] = { name: 'playground-orders', checkpoint: 0 };
      else {
        const prev = pending['playground.changed'];
        pending['playground.changed'] = { reason: prev && prev.reason !== n.reason ? 'several' : (n.reason ?? 'changed') };
      }
      timer ??= setTimeout(flush, intervalMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = {};
    },
  };
}

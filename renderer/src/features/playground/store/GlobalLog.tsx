// The global log, virtualised: only the visible rows exist in the DOM and rows are fetched in
// windows of 200 by position, so 100,000 events scroll like 100.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../bridge/types';
import { usePlayground } from '../playgroundStore';

type Row = MethodOutput<'playground.globalLog'>['events'][number];
const WINDOW = 200;
const ROW_HEIGHT = 28;

export function GlobalLog() {
  const { t } = useTranslation('pg');
  const head = usePlayground((s) => s.overview?.head ?? 0);
  const select = usePlayground((s) => s.select);
  const selected = usePlayground((s) => s.selectedOrderId);
  const parentRef = useRef<HTMLDivElement>(null);
  const cache = useRef(new Map<number, Row[]>());
  const loading = useRef(new Set<number>());
  const [, bump] = useState(0);
  const [follow, setFollow] = useState(true);

  const v = useVirtualizer({ count: head, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = v.getVirtualItems();

  // A window that was short (the log grew since) or the reset log must be fetched again.
  useEffect(() => {
    for (const [w, rows] of cache.current) if (rows.length < WINDOW || w * WINDOW >= head) cache.current.delete(w);
    if (head === 0) cache.current.clear();
    if (follow && head > 0) v.scrollToIndex(head - 1, { align: 'end' });
  }, [head]); // only a new head prunes the cache (follow and v are read fresh inside)

  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    for (let w = Math.floor(first / WINDOW); w <= Math.floor(last / WINDOW); w++) {
      if (cache.current.has(w) || loading.current.has(w)) continue;
      loading.current.add(w);
      void usePlayground.getState().read.globalLog(w * WINDOW, WINDOW)
        .then((r) => {
          cache.current.set(w, r.events);
          bump((n) => n + 1);
        })
        .finally(() => loading.current.delete(w));
    }
  });

  const rowAt = (i: number): Row | undefined => cache.current.get(Math.floor(i / WINDOW))?.[i % WINDOW];

  return (
    <section className="pg-card">
      <div className="pg-row pg-spread">
        <h3>{t('log.title', { n: head })}</h3>
        <label className="pg-small">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> {t('log.follow')}
        </label>
      </div>
      <div className="pg-log-head" aria-hidden="true">
        <span>{t('store.position')}</span>
        <span>{t('log.stream')}</span>
        <span>{t('store.version')}</span>
        <span>{t('store.type')}</span>
      </div>
      <div ref={parentRef} className="pg-log" data-testid="pg-global-log" onWheel={() => setFollow(false)}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const row = rowAt(it.index);
            const mine = row && selected && row.streamId === `order-${selected}`;
            return (
              <div
                key={it.key}
                className={`pg-log-row${mine ? ' mine' : ''}`}
                style={{ transform: `translateY(${it.start}px)`, height: ROW_HEIGHT }}
                onClick={() => row?.streamId.startsWith('order-') && select(row.streamId.slice(6))}
                data-testid="pg-log-row"
              >
                {row ? (
                  <>
                    <span className="num">#{row.position}</span>
                    <span className="pg-ellipsis">{row.streamId}</span>
                    <span className="num">{row.version}</span>
                    <code className={`pg-evt ev-${row.type}`}>{row.type}</code>
                  </>
                ) : (
                  <span className="muted">#{it.index + 1} …</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

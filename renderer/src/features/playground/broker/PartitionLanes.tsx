// One topic: a lane per partition, the newest records as cells (offset, event type), log-start and
// log-end offsets, and the group's committed offset (C) and position (P) as markers.
import { useTranslation } from 'react-i18next';
import type { BrokerData } from '../playgroundStore';

type Topic = BrokerData['topics'][number];
type Group = BrokerData['groups'][number];

export function PartitionLanes({ topic, group, focusKey, onPick, compact }: { topic: Topic; group: Group | null; focusKey: string | null; onPick(key: string): void; compact: boolean }) {
  const { t } = useTranslation('pg');
  const total = topic.partitions.reduce((s, p) => s + p.logEndOffset - p.logStartOffset, 0);
  if (compact && total === 0) return null;
  return (
    <div className={`pg-topic${compact ? ' compact' : ''}`} data-testid={`pg-topic-${topic.name}`}>
      <h4>
        {t('broker.topic')} <code>{topic.name}</code> <span className="muted pg-small">{t('broker.records', { n: total })}</span>
      </h4>
      {topic.partitions.map((p) => {
        const gp = group?.partitions.find((x) => x.topic === topic.name && x.partition === p.partition);
        const committed = gp?.committed ?? null;
        const position = gp?.position ?? committed;
        const hidden = p.records.length > 0 ? p.records[0]!.offset - p.logStartOffset : 0;
        return (
          <div className="pg-lane" key={p.partition} data-testid={`pg-lane-${topic.name}-${p.partition}`}>
            <div className="pg-lane-label">
              <strong>P{p.partition}</strong>
              <span className="muted pg-small">{t('broker.range', { start: p.logStartOffset, end: p.logEndOffset })}</span>
              {gp && <span className="pg-small">{t('broker.lagOf', { n: gp.lag ?? p.logEndOffset - p.logStartOffset })}</span>}
            </div>
            <div className="pg-cells">
              {hidden > 0 && <span className="pg-more muted">+{hidden}</span>}
              {p.records.map((r) => {
                const state = committed !== null && r.offset < committed ? 'consumed' : position !== null && r.offset < position ? 'inflight' : 'unread';
                return (
                  <button
                    type="button"
                    key={r.offset}
                    className={`pg-cell ${state}${r.key && r.key === focusKey ? ' focus' : ''}${r.type ? '' : ' poison'}${committed === r.offset ? ' at-committed' : ''}${position === r.offset ? ' at-position' : ''}`}
                    title={t('broker.cellTitle', { key: r.key ?? '∅', type: r.type ?? t('broker.notEvent'), offset: r.offset })}
                    data-testid="pg-cell"
                    data-key={r.key ?? ''}
                    data-offset={r.offset}
                    onClick={() => r.key && onPick(r.key)}
                  >
                    <span className="pg-cell-off">{r.offset}</span>
                    <span className="pg-cell-type">{r.type ? t(`broker.cellType.${r.type}`, { defaultValue: abbreviate(r.type) }) : abbreviate(r.type)}</span>
                  </button>
                );
              })}
              {group && gp && <span className={`pg-end${committed === p.logEndOffset ? ' at-committed' : ''}${position === p.logEndOffset ? ' at-position' : ''}`} title={t('broker.logEnd')}>{p.logEndOffset}</span>}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** OrderPaid → Paid, StockReserved → StockRes…: short enough for a cell. */
function abbreviate(type: string | null): string {
  if (!type) return '☠';
  const s = type.replace(/^Order/, '');
  return s.length > 9 ? `${s.slice(0, 8)}…` : s;
}

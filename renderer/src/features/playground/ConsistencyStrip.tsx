// Write side vs read side for the selected order: the stream says "paid" while the projection may
// still say "pending" — eventual consistency, made visible. After a dual write that died half-way the
// strip says so: the read model will never catch up, or it holds an event the store never recorded.
import { useTranslation } from 'react-i18next';
import { stripVerdict } from './consistency';
import { usePlayground } from './playgroundStore';
import { StatusBadge } from './StatusBadge';

/** `place`: the strip above the tabs ('top'), or its copy in the scenario card, beside the story. */
export function ConsistencyStrip({ place = 'top' }: { place?: 'top' | 'scenario' }) {
  const top = place === 'top';
  const { t } = useTranslation('pg');
  const id = usePlayground((s) => s.selectedOrderId);
  const stream = usePlayground((s) => s.stream);
  // The selected order's own read-model row (asked for by id): the list holds one page only, and an
  // order outside it is not "behind".
  const row = usePlayground((s) => s.readRow);
  if (!id || !stream?.writeState) return top ? <div className="pg-strip muted">{t('strip.none')}</div> : null;
  const verdict = stripVerdict(stream.writeState, row, stream.neverSent);
  const words = {
    same: () => t('strip.caughtUp'),
    behind: () => t('strip.behind'),
    lost: () => t('strip.lost', { v: verdict.kind === 'lost' ? verdict.version : 0 }),
    diverged: () => t('strip.diverged'),
  }[verdict.kind];
  return (
    <div className={`pg-strip ${verdict.kind}`} data-testid={top ? 'pg-strip' : 'pg-scenario-strip'} data-verdict={verdict.kind}>
      <span>
        {t('strip.order')} <code>{id}</code>
      </span>
      <span>
        {t('strip.write')} <StatusBadge status={stream.writeState.status} testId={top ? 'pg-write-status' : undefined} /> v{stream.writeState.version}
      </span>
      <span>
        {t('strip.read')} {row ? <StatusBadge status={row.status} testId={top ? 'pg-read-status' : undefined} /> : <em>{t('strip.notYet')}</em>} {row ? `v${row.version}` : ''}
      </span>
      <span className="pg-strip-verdict">{words()}</span>
    </div>
  );
}

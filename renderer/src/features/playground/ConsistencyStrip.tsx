// Write side vs read side for the selected order: the stream says "paid" while the projection may
// still say "pending" — eventual consistency, made visible.
import { useTranslation } from 'react-i18next';
import { usePlayground } from './playgroundStore';
import { StatusBadge } from './StatusBadge';

export function ConsistencyStrip() {
  const { t } = useTranslation('pg');
  const id = usePlayground((s) => s.selectedOrderId);
  const stream = usePlayground((s) => s.stream);
  // The selected order's own read-model row (asked for by id): the list holds one page only, and an
  // order outside it is not "behind".
  const row = usePlayground((s) => s.readRow);
  if (!id || !stream?.writeState) return <div className="pg-strip muted">{t('strip.none')}</div>;
  const behind = !row || row.version < stream.writeState.version;
  return (
    <div className={`pg-strip ${behind ? 'behind' : 'same'}`} data-testid="pg-strip">
      <span>
        {t('strip.order')} <code>{id}</code>
      </span>
      <span>
        {t('strip.write')} <StatusBadge status={stream.writeState.status} testId="pg-write-status" /> v{stream.writeState.version}
      </span>
      <span>
        {t('strip.read')} {row ? <StatusBadge status={row.status} testId="pg-read-status" /> : <em>{t('strip.notYet')}</em>} {row ? `v${row.version}` : ''}
      </span>
      <span className="pg-strip-verdict">{behind ? t('strip.behind') : t('strip.caughtUp')}</span>
    </div>
  );
}

// The read model as the projection sees it: the order list, one order's details, the projection
// delay (eventual consistency), the inbox switch and rebuild-from-scratch.
import { useTranslation } from 'react-i18next';
import { formatMoney, RM_PAGE_SIZE, usePlayground } from '../playgroundStore';
import { StateCard } from '../StateCard';
import { StatusBadge } from '../StatusBadge';
import { DelayControl } from './DelayControl';

export function ReadModelView() {
  const { t } = useTranslation('pg');
  const rm = usePlayground((s) => s.readModel);
  const selected = usePlayground((s) => s.selectedOrderId);
  const select = usePlayground((s) => s.select);
  const rebuild = usePlayground((s) => s.rebuild);
  const busy = usePlayground((s) => s.busy);
  const details = usePlayground((s) => s.readDetails);
  const query = usePlayground((s) => s.rmQuery);
  const page = usePlayground((s) => s.rmPage);
  const setRmView = usePlayground((s) => s.setRmView);

  if (!rm) return <p className="muted">{t('loading')}</p>;
  const pages = Math.max(1, Math.ceil(rm.total / RM_PAGE_SIZE));
  return (
    <div className="pg-readmodel">
      <section className="pg-card">
        <DelayControl delayMs={rm.delayMs} />
        <div className="pg-row">
          <button onClick={() => void rebuild()} disabled={busy} data-testid="pg-rebuild">
            {t('rm.rebuild')}
          </button>
          <span className="pg-small muted">{t('rm.rebuildHelp')}</span>
        </div>
        <p className="pg-small" data-testid="pg-rm-stats">
          {t('rm.stats', { handled: rm.stats.handled, skipped: rm.stats.duplicatesSkipped, invalid: rm.stats.invalidSkipped, revenue: formatMoney(rm.stats.revenue) })}
        </p>
      </section>
      <div className="pg-rm-grid">
        <section className="pg-card pg-scroll-x pg-rm-list">
          <h3>{t('rm.list', { n: rm.total })}</h3>
          <div className="pg-row pg-rm-find">
            <label htmlFor="pg-rm-search">{t('picker.search')}</label>
            <input id="pg-rm-search" type="search" value={query} placeholder={t('picker.placeholder')} onChange={(e) => setRmView({ query: e.target.value })} data-testid="pg-rm-search" />
          </div>
          {pages > 1 && (
            <nav className="pg-row pg-pager" aria-label={t('rm.pages')} data-testid="pg-rm-pager">
              <button onClick={() => setRmView({ page: page - 1 })} disabled={page <= 1} data-testid="pg-rm-prev">{t('rm.prev')}</button>
              <span data-testid="pg-rm-range">{t('rm.range', { from: (page - 1) * RM_PAGE_SIZE + 1, to: Math.min(rm.total, page * RM_PAGE_SIZE), total: rm.total })}</span>
              <button onClick={() => setRmView({ page: page + 1 })} disabled={page >= pages} data-testid="pg-rm-next">{t('rm.next')}</button>
            </nav>
          )}
          {rm.orders.length === 0 ? (
            <p className="muted">{t('rm.empty')}</p>
          ) : (
            <table className="pg-table" data-testid="pg-rm-list">
              <thead>
                <tr>
                  <th>{t('rm.order')}</th>
                  <th>{t('state.status')}</th>
                  <th>{t('state.total')}</th>
                  <th>{t('rm.versionApplied')}</th>
                </tr>
              </thead>
              <tbody>
                {rm.orders.map((o) => (
                  <tr key={o.orderId} className={o.orderId === selected ? 'selected' : ''} onClick={() => select(o.orderId)} data-testid="pg-rm-row" data-order={o.orderId}>
                    <td>
                      <code>{o.orderId}</code>
                    </td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td className="num">{formatMoney(o.totalAmount)}</td>
                    <td className={`num${o.applied > o.version ? ' pg-dup' : ''}`} title={o.applied > o.version ? t('rm.dupHelp') : undefined}>
                      v{o.version} / {o.applied}
                      {o.applied > o.version && ' ⚠'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="pg-card">
          <h3>{t('rm.details')}</h3>
          {details ? (
            <>
              <StateCard state={details.state} />
              {details.applied > details.state.version && <p className="pg-note warn">{t('rm.dupHelp')}</p>}
            </>
          ) : (
            <p className="muted">{selected ? t('rm.notProjected') : t('rm.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

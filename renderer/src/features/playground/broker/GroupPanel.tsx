// A consumer group: generation, members and their partitions, lag per partition with a sparkline,
// and (for the read-model group) adding or removing a consumer to trigger a rebalance.
import { useTranslation } from 'react-i18next';
import { usePlayground, type BrokerData } from '../playgroundStore';
import { OriginBadge } from './KafkaPortCard';
import { Sparkline } from './Sparkline';
import { wordParams } from '../explain';

type Group = BrokerData['groups'][number];

export function GroupPanel({ group, broker }: { group: Group; broker: BrokerData }) {
  const { t, i18n } = useTranslation('pg');
  const { addConsumer, removeConsumer } = usePlayground.getState();
  const busy = usePlayground((s) => s.busy);
  const isReaders = group.groupId === broker.readModelGroup;
  const lastRebalance = usePlayground((s) => s.overview?.activity.find((a) => a.kind === 'rebalance'));
  const history = broker.lagHistory;
  return (
    <section className="pg-card" data-testid="pg-group">
      <h3>
        {t('broker.groupTitle', { id: group.groupId })} <span className="pg-pill" data-testid="pg-generation">{t('broker.generation', { n: group.generation })}</span>
      </h3>
      {isReaders && (
        <div className="pg-row">
          <button onClick={() => void addConsumer()} disabled={busy} data-testid="pg-add-consumer">
            {t('broker.addConsumer')}
          </button>
          <button onClick={() => void removeConsumer()} disabled={busy || broker.readers.length === 0} data-testid="pg-remove-consumer">
            {t('broker.removeConsumer')}
          </button>
        </div>
      )}
      <table className="pg-table">
        <thead>
          <tr>
            <th>{t('broker.member')}</th>
            <th>{t('broker.partitions')}</th>
          </tr>
        </thead>
        <tbody>
          {group.members.map((m) => (
            <tr key={m.memberId} data-testid="pg-member">
              <td>
                <code>{m.memberId}</code> <OriginBadge origin={m.origin} /> {m.status !== 'active' && <span className="pg-status st-cancelled">{m.status}</span>}
              </td>
              <td>{m.assignment.map((a) => (a.topic === broker.topic ? `P${a.partition}` : `${a.topic}/${a.partition}`)).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isReaders && lastRebalance && (
        <p className="pg-small muted" data-testid="pg-last-rebalance">
          {t('broker.lastRebalance', wordParams({ generation: lastRebalance.params.generation, reason: lastRebalance.params.reason, assignment: lastRebalance.params.assignment }, t, i18n.language))}
        </p>
      )}
      <h4>{t('broker.lag')}</h4>
      <table className="pg-table">
        <tbody>
          {group.partitions
            .filter((p) => p.topic === broker.topic || !group.partitions.some((x) => x.topic === broker.topic))
            .map((p) => (
              <tr key={`${p.topic}/${p.partition}`}>
                <td>{p.topic === broker.topic ? `P${p.partition}` : `${p.topic}/P${p.partition}`}</td>
                <td className="pg-small">
                  {t('broker.markers', { position: p.position ?? '—', committed: p.committed ?? '—' })}
                </td>
                <td className="num" data-testid={`pg-lag-${p.partition}`}>
                  {p.lag ?? '—'}
                </td>
                <td>{isReaders && <Sparkline values={history.map((h) => h.lags[p.partition] ?? 0)} label={t('broker.sparkLabel', { p: p.partition })} />}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {!isReaders && <p className="pg-small muted">{t('broker.notifier', { n: broker.notificationsSent })}</p>}
    </section>
  );
}

// The broker: partitions as lanes of offset cells with the chosen group's markers, the group's
// members and assignments (rebalances change the generation), lag with sparklines, and the
// key → murmur2 → partition path of a record.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';
import { GroupPanel } from './GroupPanel';
import { JournalList } from './JournalList';
import { KafkaPortCard } from './KafkaPortCard';
import { KeyPath } from './KeyPath';
import { PartitionLanes } from './PartitionLanes';

export function BrokerView() {
  const { t } = useTranslation('pg');
  const broker = usePlayground((s) => s.broker);
  const selected = usePlayground((s) => s.selectedOrderId);
  const [groupId, setGroupId] = useState('read-model');
  const [key, setKey] = useState<string | null>(null);
  if (!broker) return <p className="muted">{t('loading')}</p>;
  const group = broker.groups.find((g) => g.groupId === groupId) ?? null;
  const focusKey = key ?? (selected ? `order-${selected}` : null);
  return (
    <div className="pg-broker" data-testid="pg-broker">
      <KafkaPortCard refreshKey={broker} />
      <section className="pg-card">
        <div className="pg-row pg-spread">
          <h3>{t('broker.lanes')}</h3>
          <label className="pg-small">
            {t('broker.group')}{' '}
            <select value={groupId} onChange={(e) => setGroupId(e.target.value)} data-testid="pg-group-pick">
              {broker.groups.map((g) => (
                <option key={g.groupId} value={g.groupId}>
                  {g.groupId}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Legend />
        {broker.topics.map((topic) => (
          <PartitionLanes key={topic.name} topic={topic} group={group} focusKey={focusKey} onPick={setKey} compact={topic.name !== broker.topic} />
        ))}
      </section>
      <div className="pg-two">
        {group && <GroupPanel group={group} broker={broker} />}
        <KeyPath initialKey={focusKey} />
      </div>
      <JournalList journal={broker.journal} />
    </div>
  );
}

function Legend() {
  const { t } = useTranslation('pg');
  return (
    <p className="pg-legend pg-small">
      <span className="pg-cell consumed" /> {t('broker.consumed')} <span className="pg-cell inflight" /> {t('broker.inflight')} <span className="pg-cell unread" /> {t('broker.unread')}{' '}
      <span className="pg-marker-sample committed">C</span> {t('broker.committed')} <span className="pg-marker-sample position">P</span> {t('broker.position')}
    </p>
  );
}

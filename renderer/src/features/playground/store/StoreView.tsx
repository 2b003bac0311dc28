// The event store: the selected order's stream with time travel and snapshots, and the global log.
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';
import { GlobalLog } from './GlobalLog';
import { SnapshotPanel } from './SnapshotPanel';
import { StreamTable } from './StreamTable';
import { TimeTravel } from './TimeTravel';

export function StoreView() {
  const { t } = useTranslation('pg');
  const stream = usePlayground((s) => s.stream);
  return (
    <div className="pg-store">
      <section className="pg-card">
        <h3>{stream ? t('store.streamOf', { id: `order-${stream.orderId}` }) : t('store.stream')}</h3>
        {stream && stream.events.length > 0 ? <StreamTable stream={stream} /> : <p className="muted">{t('store.noStream')}</p>}
      </section>
      {stream && stream.events.length > 0 && (
        <div className="pg-two">
          <TimeTravel stream={stream} />
          <SnapshotPanel orderId={stream.orderId} currentVersion={stream.currentVersion} />
        </div>
      )}
      <GlobalLog />
    </div>
  );
}

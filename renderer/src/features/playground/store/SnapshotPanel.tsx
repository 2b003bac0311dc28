// Take a snapshot, then load the order: the load starts from the snapshot and folds only newer events.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';
import { useRead } from '../useRead';

export function SnapshotPanel({ orderId, currentVersion }: { orderId: string; currentVersion: number }) {
  const { t } = useTranslation('pg');
  const takeSnapshot = usePlayground((s) => s.takeSnapshot);
  const [asked, setAsked] = useState(0);
  const load = useRead((read) => read.loadWithSnapshot(orderId), [orderId, currentVersion, asked]);

  return (
    <section className="pg-card" data-testid="pg-snapshots">
      <h3>{t('snap.title')}</h3>
      <p className="pg-small">
        {load?.snapshot ? t('snap.have', { v: load.snapshot.streamVersion }) : t('snap.none')}
      </p>
      <div className="pg-row">
        <button data-testid="pg-snap-take" onClick={() => void takeSnapshot(orderId).then(() => setAsked((n) => n + 1))}>
          {t('snap.take')}
        </button>
        <button onClick={() => setAsked((n) => n + 1)}>{t('snap.load')}</button>
      </div>
      {load && (
        <p className="pg-snap-result" data-testid="pg-snap-result">
          {load.snapshotVersion > 0
            ? t('snap.loadedFrom', { v: load.snapshotVersion, n: load.eventsFolded, total: load.currentVersion })
            : t('snap.loadedAll', { n: load.eventsFolded })}
        </p>
      )}
    </section>
  );
}

// Take a snapshot, then load the order: the load starts from the snapshot and folds only newer events.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, type MethodOutput } from '../../../bridge';

export function SnapshotPanel({ orderId, currentVersion }: { orderId: string; currentVersion: number }) {
  const { t } = useTranslation('pg');
  const [load, setLoad] = useState<MethodOutput<'playground.loadWithSnapshot'> | null>(null);
  const refresh = () => void invoke('playground.loadWithSnapshot', { orderId }).then(setLoad);
  useEffect(refresh, [orderId, currentVersion]);

  return (
    <section className="pg-card" data-testid="pg-snapshots">
      <h3>{t('snap.title')}</h3>
      <p className="pg-small">
        {load?.snapshot ? t('snap.have', { v: load.snapshot.streamVersion }) : t('snap.none')}
      </p>
      <div className="pg-row">
        <button data-testid="pg-snap-take" onClick={() => void invoke('playground.takeSnapshot', { orderId }).then(refresh)}>
          {t('snap.take')}
        </button>
        <button onClick={refresh}>{t('snap.load')}</button>
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

// A slider over the stream's versions: the order's state as of that version and the event that produced it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, type MethodOutput } from '../../../bridge';
import type { StreamData } from '../playgroundStore';
import { StateCard } from '../StateCard';
import { payloadOf } from './StreamTable';

export function TimeTravel({ stream }: { stream: StreamData }) {
  const { t } = useTranslation('pg');
  const [version, setVersion] = useState(stream.currentVersion);
  const [at, setAt] = useState<MethodOutput<'playground.stateAt'> | null>(null);
  const [follow, setFollow] = useState(true);

  useEffect(() => {
    if (follow) setVersion(stream.currentVersion);
  }, [stream.currentVersion, stream.orderId, follow]);

  useEffect(() => {
    let live = true;
    const v = Math.min(Math.max(1, version), stream.currentVersion);
    void invoke('playground.stateAt', { orderId: stream.orderId, version: v }).then((r) => live && setAt(r));
    return () => {
      live = false;
    };
  }, [version, stream.orderId, stream.currentVersion]);

  return (
    <section className="pg-card" data-testid="pg-time-travel">
      <h3>{t('travel.title')}</h3>
      <label className="pg-slider">
        <span>{t('travel.version', { v: version, of: stream.currentVersion })}</span>
        <input
          type="range"
          min={1}
          max={Math.max(1, stream.currentVersion)}
          value={version}
          data-testid="pg-travel-slider"
          onChange={(e) => {
            const v = Number(e.target.value);
            setVersion(v);
            setFollow(v === stream.currentVersion);
          }}
        />
      </label>
      {at?.event && (
        <p className="pg-small">
          {t('travel.producedBy')} <code className={`pg-evt ev-${at.event.type}`}>{at.event.type}</code> <span className="muted">{payloadOf(at.event.data)}</span>
        </p>
      )}
      {at && <StateCard state={at.state} />}
    </section>
  );
}

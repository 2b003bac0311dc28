// A slider over the stream's versions: the order's state as of that version and the event that produced it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamData } from '../playgroundStore';
import { StateCard } from '../StateCard';
import { useRead } from '../useRead';
import { payloadOf } from './StreamTable';

export function TimeTravel({ stream }: { stream: StreamData }) {
  const { t } = useTranslation('pg');
  const [version, setVersion] = useState(stream.currentVersion);
  const [follow, setFollow] = useState(true);

  useEffect(() => {
    if (follow) setVersion(stream.currentVersion);
  }, [stream.currentVersion, stream.orderId, follow]);

  const at = useRead((read) => read.stateAt(stream.orderId, Math.min(Math.max(1, version), stream.currentVersion)), [version, stream.orderId, stream.currentVersion]);

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
          {t('travel.producedBy')} <code className={`pg-evt ev-${at.event.type}`}>{at.event.type}</code> <code className="muted">{payloadOf(at.event.data)}</code>
        </p>
      )}
      {at && <StateCard state={at.state} />}
    </section>
  );
}

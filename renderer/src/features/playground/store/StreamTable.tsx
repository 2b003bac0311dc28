import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamData } from '../playgroundStore';

/** The payload without the envelope fields every order event repeats. */
export function payloadOf(data: unknown): string {
  if (!data || typeof data !== 'object') return JSON.stringify(data);
  const { aggregateId: _a, version: _v, timestamp: _t, ...rest } = data as Record<string, unknown>;
  return JSON.stringify(rest);
}

export function StreamTable({ stream }: { stream: StreamData }) {
  const { t } = useTranslation('pg');
  const [open, setOpen] = useState<number | null>(null);
  return (
    <table className="pg-table" data-testid="pg-stream">
      <thead>
        <tr>
          <th>{t('store.version')}</th>
          <th>{t('store.type')}</th>
          <th>{t('store.payload')}</th>
          <th>{t('store.position')}</th>
          <th>{t('store.time')}</th>
        </tr>
      </thead>
      <tbody>
        {stream.events.map((e) => (
          <tr key={e.version} data-testid="pg-stream-row" onClick={() => setOpen(open === e.version ? null : e.version)}>
            <td className="num">{e.version}</td>
            <td>
              <code className={`pg-evt ev-${e.type}`}>{e.type}</code>
            </td>
            <td className="pg-payload">{open === e.version ? <pre>{JSON.stringify(e.data, null, 2)}</pre> : <code title={payloadOf(e.data)}>{payloadOf(e.data)}</code>}</td>
            <td className="num">#{e.position}</td>
            <td className="muted">{new Date(e.recordedAt).toLocaleTimeString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Why a record lands where it does: key → UTF-8 bytes → murmur2 → & 0x7fffffff → % partitions.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRead } from '../useRead';

export function KeyPath({ initialKey }: { initialKey: string | null }) {
  const { t } = useTranslation('pg');
  const [key, setKey] = useState(initialKey ?? 'order-42');
  useEffect(() => {
    if (initialKey) setKey(initialKey);
  }, [initialKey]);
  const r = useRead((read) => (key ? read.explainKey(key) : null), [key]);
  return (
    <section className="pg-card" data-testid="pg-keypath">
      <h3>{t('key.title')}</h3>
      <label className="pg-field">
        <span>{t('key.key')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value)} data-testid="pg-key-input" />
      </label>
      {r && (
        <ol className="pg-keypath">
          <li>
            {t('key.bytes')} <code className="pg-wrap">{r.utf8}</code>
          </li>
          <li>
            murmur2 = <code>{r.murmur2}</code>
          </li>
          <li>
            & 0x7fffffff = <code>{r.positive}</code>
          </li>
          <li>
            % {r.partitions} = <strong data-testid="pg-key-partition">P{r.partition}</strong>
          </li>
        </ol>
      )}
      <p className="pg-small muted">{t('key.note')}</p>
    </section>
  );
}

// The last command's result: the events appended (type, version, global position) or the refusal.
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';

export function OutcomeBanner() {
  const { t } = useTranslation('pg');
  const outcome = usePlayground((s) => s.lastOutcome);
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <div className="pg-outcome bad" role="alert" data-testid="pg-outcome" data-ok="false">
        <strong data-testid="pg-outcome-code">{outcome.code}</strong> {outcome.message}
        <div className="pg-outcome-note">{t('outcome.nothing')}</div>
      </div>
    );
  }
  return (
    <div className="pg-outcome ok" role="status" data-testid="pg-outcome" data-ok="true">
      {t('outcome.appended', { count: outcome.events.length })}
      <ul>
        {outcome.events.map((e) => (
          <li key={e.globalPosition}>
            <code>{e.type}</code> v{e.version} · #{e.globalPosition}
          </li>
        ))}
      </ul>
    </div>
  );
}

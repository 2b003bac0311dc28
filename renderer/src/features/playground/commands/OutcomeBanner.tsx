// The last command's result: the events appended (type, version, global position) or the refusal,
// explained in the student's language by its code, and whose code decided (reference or the student's).
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';

/** Refusal codes with an explanation in the strings; any other code gets the generic one. */
const EXPLAINED = ['INVALID_STATE', 'VALIDATION', 'INVALID_PAYMENT_METHOD', 'AMOUNT_MISMATCH', 'NOT_FOUND', 'CONCURRENCY', 'BAD_EVENT', 'INTERNAL'];

export function OutcomeBanner() {
  const { t, i18n } = useTranslation('pg');
  const outcome = usePlayground((s) => s.lastOutcome);
  if (!outcome) return null;
  const decided = (
    <div className="pg-outcome-by" data-testid="pg-outcome-by" data-by={outcome.decidedBy}>
      {t(outcome.decidedBy === 'student' ? 'outcome.byStudent' : 'outcome.byReference')}
    </div>
  );
  if (!outcome.ok) {
    const known = EXPLAINED.includes(outcome.code);
    return (
      <div className="pg-outcome bad" role="alert" data-testid="pg-outcome" data-ok="false" data-code={outcome.code}>
        <strong data-testid="pg-outcome-code">{outcome.code}</strong>{' '}
        <span data-testid="pg-outcome-why">{known ? t(`refusal.${outcome.code}`) : t('refusal.other')}</span>
        {/* The engine's own sentence is English: it adds detail in the English UI only. */}
        {i18n.language === 'en' && outcome.message && <div className="pg-outcome-detail">{outcome.message}</div>}
        <div className="pg-outcome-note">{t('outcome.nothing')}</div>
        {decided}
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
      {decided}
    </div>
  );
}

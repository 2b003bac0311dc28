// The activity log in the student's language: each entry kind has a sentence with its parameters,
// members named ("reader 2", not a raw member id) and retry times read as simulated time.
import { useTranslation } from 'react-i18next';
import type { Overview } from '../playgroundStore';
import { wordParams } from '../explain';

export function ActivityList({ entries, testId = 'pg-activity' }: { entries: Overview['activity']; testId?: string }) {
  const { t, i18n } = useTranslation('pg');
  if (entries.length === 0) return <p className="muted">{t('activity.empty')}</p>;
  return (
    <ul className="pg-activity" data-testid={testId}>
      {entries.map((e) => (
        <li key={e.seq} className={`act-${e.kind}`} data-kind={e.kind}>
          <span className="muted pg-small">{new Date(e.at).toLocaleTimeString(i18n.language)}</span> <span className="pg-act-kind">{t(`activity.kind.${e.kind}`)}</span>{' '}
          {t(`activity.text.${e.kind}`, wordParams(e.params, t, i18n.language))}
        </li>
      ))}
    </ul>
  );
}

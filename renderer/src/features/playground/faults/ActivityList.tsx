// The activity log in the student's language: each entry kind has a sentence with its parameters.
import { useTranslation } from 'react-i18next';
import type { Overview } from '../playgroundStore';

export function ActivityList({ entries }: { entries: Overview['activity'] }) {
  const { t } = useTranslation('pg');
  if (entries.length === 0) return <p className="muted">{t('activity.empty')}</p>;
  return (
    <ul className="pg-activity" data-testid="pg-activity">
      {entries.map((e) => (
        <li key={e.seq} className={`act-${e.kind}`} data-kind={e.kind}>
          <span className="muted pg-small">{new Date(e.at).toLocaleTimeString()}</span> <span className="pg-act-kind">{t(`activity.kind.${e.kind}`)}</span>{' '}
          {t(`activity.text.${e.kind}`, e.params as Record<string, unknown>)}
        </li>
      ))}
    </ul>
  );
}

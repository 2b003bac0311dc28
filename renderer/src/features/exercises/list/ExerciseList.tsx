// The list of exercises as cards (ready to sit on a course map): title, summary, status, best score.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../bridge';
import { hrefFor } from '../../../app/router';
import type { Language } from '../../../i18n';
import type { ExerciseSummary } from '../workspace/types';

const STATUS_BADGE = { not_started: '', in_progress: 'warn', passing: 'ok' } as const;

export function ExerciseList() {
  const { t, i18n } = useTranslation('exercises');
  const [items, setItems] = useState<ExerciseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('exercises.list', { lang: i18n.language as Language })
      .then((r) => live && setItems(r.exercises))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [i18n.language]);

  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="page ex-list-page">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.intro')}</p>
      {error && <p className="ex-banner ex-banner-bad" role="alert">{t('list.loadError', { message: error })}</p>}
      {items && items.length === 0 && <p>{t('list.empty')}</p>}
      <ol className="ex-cards">
        {items?.map((ex, i) => (
          <li key={ex.id} className="card ex-card" data-testid="exercise-card" data-status={ex.status} data-exercise={ex.id}>
            <div className="ex-card-step" aria-hidden="true">{i + 1}</div>
            <div className="ex-card-body">
              <h2 className="ex-card-title">
                <a href={hrefFor('exercises', ex.id)}>{ex.title}</a>
              </h2>
              <p className="ex-card-summary">{ex.summary}</p>
              <div className="ex-card-meta">
                <span className={`badge ${STATUS_BADGE[ex.status]}`} data-testid="exercise-status">{t(`list.status.${ex.status}`)}</span>
                {ex.bestScore !== null && ex.maxScore !== null && (
                  <span className="muted">{t('list.best', { score: Math.round(ex.bestScore * 100) / 100, max: Math.round(ex.maxScore * 100) / 100 })}</span>
                )}
                {ex.runs > 0 && <span className="muted">{t('list.runs', { count: ex.runs })}</span>}
                {ex.lastRunAt && <span className="muted">{t('list.lastRun', { when: fmt.format(new Date(ex.lastRunAt)) })}</span>}
              </div>
            </div>
            <a className="ex-card-open button-like" href={hrefFor('exercises', ex.id)}>
              {ex.status === 'not_started' ? t('list.open') : t('list.continue')} →
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}

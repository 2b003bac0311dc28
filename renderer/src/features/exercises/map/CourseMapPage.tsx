// The Exercises page's front: the course map. The lesson, its quiz and every exercise in the suggested
// order, each with its status and best score; the next step (the first not done) is highlighted and
// offered as "Continue" at the top.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../../app/router';
import type { Language } from '../../../i18n';
import { describeError } from '../../../i18n/describeError';
import { READING_RULE } from '../../lesson/readingRule';
import { LESSON_READ_SHARE, type CourseMap, type CourseStep } from './courseMap';
import { loadCourseMap } from './loadCourseMap';
import { StepCard, stepHref, stepTitle } from './StepCard';

export function CourseMapPage() {
  const { t, i18n } = useTranslation('exercises');
  const [map, setMap] = useState<CourseMap | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadCourseMap(i18n.language as Language)
      .then((m) => live && setMap(m))
      .catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, [i18n.language]);

  const next = map?.steps.find((s) => s.key === map.next) ?? null;
  const exerciseCount = map?.steps.filter((s) => s.kind === 'exercise').length ?? 0;
  return (
    <div className="page ex-list-page" data-testid="course-map" data-ready={map !== null}>
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('map.intro')}</p>
      <p className="muted course-rule" data-testid="reading-rule">
        {t('map.readingRule', {
          perHundred: (READING_RULE.msPerWord * 100) / 1000,
          min: READING_RULE.minMs / 1000,
          max: READING_RULE.maxMs / 1000,
          share: Math.round(LESSON_READ_SHARE * 100),
        })}
      </p>
      {error && <p className="ex-banner ex-banner-bad" role="alert">{t('list.loadError', { message: error })}</p>}
      {map && <NextStep step={next} />}
      {map && exerciseCount === 0 && <p>{t('list.empty')}</p>}
      {map && (
        <ol className="ex-cards course-steps" aria-label={t('map.stepsLabel')}>
          {map.steps.map((step, i) => (
            <StepCard key={step.key} step={step} index={i} isNext={step.key === map.next} />
          ))}
        </ol>
      )}
      {!map && !error && <p className="muted" role="status">{t('shell:loading')}</p>}
    </div>
  );
}

function NextStep({ step }: { step: CourseStep | null }) {
  const { t } = useTranslation('exercises');
  if (!step) {
    return (
      <section className="card course-next course-next-done" data-testid="course-next" data-step="">
        <div>
          <p className="course-next-label">{t('map.allDone')}</p>
          <p className="muted course-next-sub">{t('map.allDoneHint')}</p>
        </div>
        <a className="button-like" href={hrefFor('playground')}>{t('map.toPlayground')} →</a>
      </section>
    );
  }
  return (
    <section className="card course-next" data-testid="course-next" data-step={step.key} aria-labelledby="course-next-title">
      <div>
        <p className="course-next-label">{t('map.nextStep')}</p>
        <p className="course-next-title" id="course-next-title">
          <span className="course-kind">{t(`map.kind.${step.kind}`)}</span> {stepTitle(step, t)}
        </p>
      </div>
      <a className="button-like course-continue" href={stepHref(step)} data-testid="course-continue">
        {t('map.continue')} →
      </a>
    </section>
  );
}

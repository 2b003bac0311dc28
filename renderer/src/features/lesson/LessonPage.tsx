// The lesson page: #/lesson opens the first lesson, #/lesson/<id> a given one, #/lesson/<id>/<section>
// a section of it. Reading progress is restored and saved through the engine.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router';
import { invoke } from '../../bridge';
import './strings';
import './lesson.css';
import { LessonArticle } from './LessonArticle';
import { LessonLabs } from './LessonLabs';
import { useLessonStore } from './lessonStore';
import { renderLesson, type LessonLabels } from './markdown';
import { useTextSize } from './textSize';
import { Toc } from './Toc';
import { useReadingTracker } from './useReadingTracker';

export default function LessonPage({ params }: { params: string[] }) {
  const { t, i18n } = useTranslation('lesson');
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const [routeId, routeAnchor] = params;
  const { status, error, lesson, lessons, code, load } = useLessonStore();
  const articleRef = useRef<HTMLElement | null>(null);
  const knownExercises = useExerciseIds(lang);

  useEffect(() => {
    void load(routeId ?? null, lang);
  }, [routeId, lang, load]);

  const rendered = useMemo(() => {
    if (!lesson) return { html: '', toc: [] };
    const labels: LessonLabels = {
      copy: t('copy'),
      anchor: t('anchor'),
      wrongExample: t('wrongExample'),
      diagramLoading: t('diagramLoading'),
      lessonMissing: t('lessonMissing'),
      exerciseMissing: t('exerciseMissing'),
      admonition: (kind) => t(`admonition.${kind}`, { defaultValue: kind.charAt(0).toUpperCase() + kind.slice(1) }),
    };
    return renderLesson(lesson.markdown, { lessonId: lesson.id, labels, knownLessons: lessons.map((l) => l.id), knownExercises, highlights: code });
  }, [lesson, lessons, knownExercises, code, t]);

  const tracker = useReadingTracker(articleRef, rendered.html, routeAnchor ?? null);

  if (status === 'error') {
    return (
      <section className="page lesson-page" role="alert">
        <p className="page-error">{t('loadFailed', { message: error })}</p>
        <button onClick={() => void load(routeId ?? null, lang)}>{t('retry')}</button>
      </section>
    );
  }
  if (status === 'empty') return <section className="page lesson-page"><p>{t('noLessons')}</p></section>;
  if (!lesson || (status === 'loading' && !rendered.html)) {
    return <section className="page lesson-page"><p className="muted" role="status">{t('loading')}</p></section>;
  }

  return (
    <div className="lesson-page" data-testid="lesson-page" data-lesson={lesson.id} lang={lesson.lang}>
      <LessonToolbar />
      <div className="lesson-layout">
        <div className="lesson-main">
          <LessonArticle key={`${lesson.id}:${lesson.lang}`} html={rendered.html} articleRef={articleRef} tracker={tracker} />
          <LessonLabs key={`labs:${lesson.id}:${lesson.lang}`} lessonId={lesson.id} labs={lesson.labs} />
          <LessonFooter />
        </div>
        <aside className="lesson-aside">
          <Toc entries={rendered.toc} lessonId={lesson.id} onGo={tracker.goTo} />
        </aside>
      </div>
    </div>
  );
}

/** The ids of the installed exercises, for the lesson's exercise links; null until known (or if unknown). */
function useExerciseIds(lang: 'ru' | 'en'): string[] | null {
  const [ids, setIds] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    invoke('exercises.list', { lang }).then(
      ({ exercises }) => live && setIds(exercises.map((exercise) => exercise.id)),
      () => live && setIds(null),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return ids;
}

function LessonToolbar() {
  const { t } = useTranslation('lesson');
  const { scale, step, reset } = useTextSize();
  const minutes = useLessonStore((s) => s.lesson?.estimatedMinutes);
  useEffect(() => {
    document.documentElement.style.setProperty('--lesson-scale', String(scale));
  }, [scale]);
  return (
    <div className="lesson-toolbar" role="toolbar" aria-label={t('textSize')}>
      {minutes ? <span className="muted lesson-minutes">{t('minutes', { count: minutes })}</span> : null}
      <span className="muted">{t('textSize')}</span>
      <button type="button" onClick={() => step(-1)} title={t('smaller')}><span aria-hidden="true">A−</span><span className="sr-only">{t('smaller')}</span></button>
      <button type="button" onClick={reset} aria-label={`${Math.round(scale * 100)}% — ${t('resetSize')}`} title={t('resetSize')}>{Math.round(scale * 100)}%</button>
      <button type="button" onClick={() => step(1)} title={t('larger')}><span aria-hidden="true">A+</span><span className="sr-only">{t('larger')}</span></button>
      <a className="lesson-glossary-link" href={hrefFor('glossary')} data-testid="lesson-glossary-link">{t('glossary')}</a>
    </div>
  );
}

function LessonFooter() {
  const { t } = useTranslation('lesson');
  const lesson = useLessonStore((s) => s.lesson);
  if (!lesson) return null;
  return (
    <nav className="lesson-footer" aria-label={t('lessons')}>
      {lesson.prev ? (
        <a className="lesson-footer-link prev" href={hrefFor('lesson', lesson.prev.id)}>
          <span className="muted">← {t('prev')}</span>
          <span>{lesson.prev.title}</span>
        </a>
      ) : <span />}
      {lesson.hasQuiz && (
        <a className="lesson-footer-link quiz" href={hrefFor('quiz', lesson.id)} data-testid="lesson-quiz-link">
          ✔ {t('takeQuiz')}
        </a>
      )}
      {lesson.next?.available ? (
        <a className="lesson-footer-link next" href={hrefFor('lesson', lesson.next.id)}>
          <span className="muted">{t('next')} →</span>
          <span>{lesson.next.title}</span>
        </a>
      ) : lesson.next ? (
        <span className="lesson-footer-link next upcoming" data-testid="lesson-next-upcoming">
          <span className="muted">{t('comingNext')}</span>
          <span>{lesson.next.title}</span>
        </span>
      ) : <span />}
    </nav>
  );
}

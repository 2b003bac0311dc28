// "Try it" labs at the end of a lesson: the student predicts what the playground will show, the
// prediction is kept (per lesson, in this browser's storage), then they run it and reveal the answer.
// A lab that runs a scenario opens the playground with that scenario picked; each card has an anchor
// (#lab-<id>) so the lesson section that teaches its topic can link to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router';
import type { LessonData } from './lessonStore';

type Lab = LessonData['labs'][number];
const storageKey = (lessonId: string) => `replayground.labs.${lessonId}`;

function loadPredictions(lessonId: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(lessonId)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    return {};
  }
}

/** The playground, with the lab's scenario picked when the lab runs one. */
function playgroundHref(tool: Lab['tool']): string {
  return tool.startsWith('scenario:') ? hrefFor('playground', 'scenario', tool.slice('scenario:'.length)) : hrefFor('playground');
}

export function LessonLabs({ lessonId, labs }: { lessonId: string; labs: Lab[] }) {
  const { t } = useTranslation('lesson');
  const [predictions, setPredictions] = useState(() => loadPredictions(lessonId));
  if (labs.length === 0) return null;
  const predict = (labId: string, option: number) => {
    const next = { ...predictions, [labId]: option };
    setPredictions(next);
    localStorage.setItem(storageKey(lessonId), JSON.stringify(next));
  };
  return (
    <section className="lesson-labs" aria-labelledby="lesson-labs-title" data-testid="lesson-labs">
      <h2 id="lesson-labs-title">{t('labs.title')}</h2>
      <p className="muted">{t('labs.intro')}</p>
      {labs.map((lab) => (
        <LabCard key={lab.id} lab={lab} prediction={predictions[lab.id]} onPredict={(i) => predict(lab.id, i)} />
      ))}
    </section>
  );
}

function LabCard({ lab, prediction, onPredict }: { lab: Lab; prediction: number | undefined; onPredict: (i: number) => void }) {
  const { t } = useTranslation('lesson');
  const [choice, setChoice] = useState<number | null>(prediction ?? null);
  const [revealed, setRevealed] = useState(false);
  const recorded = prediction !== undefined;
  return (
    <article className="lab-card" data-testid="lab-card" data-lab={lab.id} id={`lab-${lab.id}`}>
      <h3>
        <span className="badge">{t('labs.section', { n: lab.section })}</span> {lab.title}
      </h3>
      <p>{lab.setup}</p>
      <fieldset disabled={recorded}>
        <legend>{lab.question}</legend>
        {lab.options.map((o, i) => (
          <label key={i} className={revealed ? (o.correct ? 'lab-option right' : i === prediction ? 'lab-option wrong' : 'lab-option') : 'lab-option'}>
            <input type="radio" name={`lab-${lab.id}`} checked={choice === i} onChange={() => setChoice(i)} />
            {o.text}
          </label>
        ))}
      </fieldset>
      <div className="lab-actions">
        {!recorded ? (
          <button type="button" disabled={choice === null} onClick={() => choice !== null && onPredict(choice)} data-testid="lab-predict">
            {t('labs.record')}
          </button>
        ) : (
          <>
            <span className="muted">{t('labs.recorded')}</span>
            <a href={playgroundHref(lab.tool)} data-testid="lab-open">
              {t('labs.open')}
            </a>
            <button type="button" onClick={() => setRevealed(true)} disabled={revealed} data-testid="lab-reveal">
              {t('labs.reveal')}
            </button>
          </>
        )}
      </div>
      {revealed && (
        <p className="lab-explanation" role="status">
          <strong>{lab.options[prediction ?? -1]?.correct ? t('labs.right') : t('labs.wrong')}</strong> {lab.explanation}
        </p>
      )}
    </article>
  );
}

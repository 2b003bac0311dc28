// The Instructor page: grade a folder of submissions, watch progress, read the summary, browse each
// student's results beside their code. The same reports as the CLI are written to the output folder.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrading } from './gradingStore';
import { SummaryView } from './SummaryView';
import { StudentsView } from './StudentsView';
import { WideView } from './WideView';
import { StudentDetail } from './StudentDetail';
import { ExportBar } from './ExportBar';
import './strings';
import './instructor.css';

export default function InstructorPage(_props: { params: string[] }) {
  const { t } = useTranslation('instructor');
  const g = useGrading();
  const [tab, setTab] = useState<'summary' | 'class' | 'students'>('summary');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (g.form.inputDir.trim() && g.state !== 'running') void g.start();
  };

  const gradebook = g.result?.gradebook ?? null;
  return (
    <section className="page instructor">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="grading-form card" onSubmit={submit}>
        <Field id="grading-input" label={t('form.input')} value={g.form.inputDir} placeholder={t('form.inputPlaceholder')} onChange={(v) => g.setForm({ inputDir: v })} required />
        <Field id="grading-out" label={t('form.out')} value={g.form.outDir} placeholder={t('form.outPlaceholder')} onChange={(v) => g.setForm({ outDir: v })} />
        <Field id="grading-exercise" label={t('form.exercise')} value={g.form.exercise} placeholder="orders-lifecycle" onChange={(v) => g.setForm({ exercise: v })} />
        <Field id="grading-hidden" label={t('form.hiddenTests')} value={g.form.hiddenTestsDir} onChange={(v) => g.setForm({ hiddenTestsDir: v })} />
        <Field id="grading-exercises" label={t('form.exercisesDir')} value={g.form.exercisesDir} onChange={(v) => g.setForm({ exercisesDir: v })} />
        <div className="grading-actions">
          <button type="submit" className="primary" data-testid="grading-start" disabled={g.state === 'running' || !g.form.inputDir.trim()}>
            {g.state === 'running' ? t('form.running') : t('form.start')}
          </button>
        </div>
      </form>

      {g.state === 'running' && (
        <div className="grading-progress" data-testid="grading-progress">
          <progress aria-label={t('progress.label')} max={Math.max(1, g.total)} value={g.done} />
          <span>{t('progress.count', { done: g.done, total: g.total })}</span>
          {g.current && <span className="muted">{t('progress.current', { current: g.current })}</span>}
        </div>
      )}
      {g.state === 'failed' && <p className="grading-error" role="alert">{t('failed', { message: g.error ?? '' })}</p>}

      {g.state === 'done' && gradebook && g.result && (
        <>
          <ExportBar result={g.result} />
          {g.openStudent ? (
            <StudentDetail gradebook={gradebook} />
          ) : (
            <>
              <div className="grading-tabs" role="tablist">
                {(['summary', 'class', 'students'] as const).map((id) => (
                  <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} data-testid={`grading-tab-${id}`} onClick={() => setTab(id)}>
                    {t(`tabs.${id}`)}
                  </button>
                ))}
              </div>
              {tab === 'summary' && <SummaryView gradebook={gradebook} />}
              {tab === 'class' && <WideView gradebook={gradebook} />}
              {tab === 'students' && <StudentsView gradebook={gradebook} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function Field(props: { id: string; label: string; value: string; placeholder?: string; required?: boolean; onChange(v: string): void }) {
  return (
    <div className="grading-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} data-testid={props.id} value={props.value} placeholder={props.placeholder} required={props.required} onChange={(e) => props.onChange(e.target.value)} spellCheck={false} />
    </div>
  );
}

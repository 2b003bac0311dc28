// The Instructor page: grade a folder of submissions, watch progress, read the summary, browse each
// student's results beside their code. The same reports as the CLI are written to the output folder.
// Past gradings of this machine are listed and open again. Folders are typed, or in the desktop app
// chosen with the native folder dialog.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, transportKind, type MethodOutput } from '../../bridge';
import { describeError } from '../../i18n/describeError';
import { useGrading } from './gradingStore';
import { PastGradings } from './PastGradings';
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
  const exercises = useExerciseTitles();
  const loadHistory = useGrading((s) => s.loadHistory);
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

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
        <FolderField id="grading-input" label={t('form.input')} hint={t('form.inputHint')} value={g.form.inputDir} onChange={(v) => g.setForm({ inputDir: v })} required />
        <FolderField id="grading-out" label={t('form.out')} hint={t('form.outHint')} value={g.form.outDir} onChange={(v) => g.setForm({ outDir: v })} />
        <div className="grading-field">
          <label htmlFor="grading-exercise">{t('form.exercise')}</label>
          <select id="grading-exercise" data-testid="grading-exercise" value={g.form.exercise} onChange={(e) => g.setForm({ exercise: e.target.value })}>
            <option value="">{t('form.allExercises')}</option>
            {exercises.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
            {g.form.exercise && !exercises.some((x) => x.id === g.form.exercise) && <option value={g.form.exercise}>{g.form.exercise}</option>}
          </select>
        </div>
        <FolderField id="grading-hidden" label={t('form.hiddenTests')} hint={t('form.hiddenTestsHint')} value={g.form.hiddenTestsDir} onChange={(v) => g.setForm({ hiddenTestsDir: v })} />
        <FolderField id="grading-exercises" label={t('form.exercisesDir')} hint={t('form.exercisesDirHint')} value={g.form.exercisesDir} onChange={(v) => g.setForm({ exercisesDir: v })} />
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

      <PastGradings />

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

type ExerciseTitle = MethodOutput<'exercises.list'>['exercises'][number];

/** The app's exercises with their titles in the page's language, for the "only this exercise" select. */
function useExerciseTitles(): ExerciseTitle[] {
  const { i18n } = useTranslation();
  const [list, setList] = useState<ExerciseTitle[]>([]);
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  useEffect(() => {
    let live = true;
    invoke('exercises.list', { lang }).then((r) => live && setList(r.exercises), () => live && setList([]));
    return () => {
      live = false;
    };
  }, [lang]);
  return list;
}

/**
 * A folder path: typed, or in the desktop app chosen with the native folder dialog. The hint under the
 * field says what goes there (no grey example that looks like a value).
 */
function FolderField(props: { id: string; label: string; hint: string; value: string; required?: boolean; onChange(v: string): void }) {
  const { t } = useTranslation('instructor');
  const hintId = useId();
  const [error, setError] = useState<string | null>(null);
  const desktop = transportKind() === 'ipc';
  async function choose() {
    setError(null);
    try {
      const { path } = await invoke('desktop.chooseFolder', { title: props.label, defaultPath: props.value.trim() || undefined });
      if (path) props.onChange(path);
    } catch (err) {
      setError(describeError(err));
    }
  }
  return (
    <div className="grading-field">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="grading-folder">
        <input id={props.id} data-testid={props.id} value={props.value} required={props.required} aria-describedby={hintId} onChange={(e) => props.onChange(e.target.value)} spellCheck={false} />
        {desktop && <button type="button" data-testid={`${props.id}-choose`} onClick={() => void choose()}>{t('form.choose')}</button>}
      </div>
      <span id={hintId} className="grading-hint">{props.hint}</span>
      {error && <span className="grading-error" role="alert">{error}</span>}
    </div>
  );
}

// One saga run as a timeline: actor, kind, message and the saga's state after it. A student's run
// also says whose code ran (their draft, or the reference solution) and what their log recorded.
import { useTranslation } from 'react-i18next';
import { splitBilingual } from '@common/phrase';
import type { SagaRun } from '../playgroundStore';

export function SagaTimeline({ run }: { run: SagaRun }) {
  const { t, i18n } = useTranslation('pg');
  const source = run.source ?? 'builtin';
  return (
    <section className="pg-card" data-testid="pg-saga-run-card" data-status={run.status} data-source={source}>
      <h4>
        <code>{run.sagaId}</code> · {t(`saga.${run.mode}`)} ·{' '}
        <span className={run.status === 'completed' ? 'pg-good' : 'pg-bad'} data-testid="pg-saga-status">
          {t(`saga.status.${run.status}`)}
        </span>
        {run.failAt && (
          <span className="muted pg-small">
            {' '}
            ({t('saga.failedAt', { step: t(`saga.step.${run.failAt}`) })}
            {run.failCompensation ? `, ${t('saga.compensationFails')}` : ''})
          </span>
        )}{' '}
        {source !== 'builtin' && (
          <span className={`pg-pill pg-source-${source}`} data-testid="pg-saga-source">
            {t(`saga.source.${source}`)}
          </span>
        )}
      </h4>
      {run.message && (
        <p className="pg-outcome bad pg-small" data-testid="pg-saga-message">
          {run.message === 'NO_DRAFT' ? t('saga.noDraft') : `${t('saga.didNotRun')} ${run.message}`}
        </p>
      )}
      {run.timeline.length > 0 && (
        <ol className="pg-timeline">
          {run.timeline.map((e) => (
            <li key={e.seq} className={`tl-${e.kind}`} data-testid="pg-saga-entry" data-kind={e.kind}>
              <span className="pg-tl-actor">{t(`saga.actor.${e.actor}`, { defaultValue: e.actor })}</span>
              <span className="pg-tl-kind">{t(`saga.kind.${e.kind}`)}</span>
              <span className="pg-tl-what">
                <code>{e.name}</code>
                {e.detail && <span className="pg-small pg-tl-detail"> {readerHalf(e.detail, i18n.language)}</span>}
              </span>
              <span className="muted pg-small pg-tl-state" title={t(`saga.state.${e.sagaState}`, { defaultValue: e.sagaState })}>
                → {t(`saga.state.${e.sagaState}`, { defaultValue: e.sagaState })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A `say()` detail (the engine's own words) in the UI's language; anything else as it is. */
function readerHalf(text: string, language: string): string {
  const both = splitBilingual(text);
  return both ? (language.startsWith('ru') ? both.ru : both.en) : text;
}

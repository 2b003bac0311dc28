import { useTranslation } from 'react-i18next';
import type { SagaRun } from '../playgroundStore';

export function SagaTimeline({ run }: { run: SagaRun }) {
  const { t } = useTranslation('pg');
  return (
    <section className="pg-card" data-testid="pg-saga-run-card" data-status={run.status}>
      <h4>
        <code>{run.sagaId}</code> · {t(`saga.${run.mode}`)} ·{' '}
        <span className={run.status === 'completed' ? 'pg-good' : 'pg-bad'} data-testid="pg-saga-status">
          {t(`saga.status.${run.status}`)}
        </span>
        {run.failAt && <span className="muted pg-small"> ({t('saga.failedAt', { step: t(`saga.step.${run.failAt}`) })})</span>}
      </h4>
      <ol className="pg-timeline">
        {run.timeline.map((e) => (
          <li key={e.seq} className={`tl-${e.kind}`} data-testid="pg-saga-entry" data-kind={e.kind}>
            <span className="pg-tl-actor">{t(`saga.actor.${e.actor}`)}</span>
            <span className="pg-tl-kind">{t(`saga.kind.${e.kind}`)}</span>
            <code>{e.name}</code>
            <span className="muted pg-small">→ {e.sagaState}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

// The order saga (reserve stock → take payment → create shipment), orchestrated or choreographed,
// with a failure injected at any step; the timeline shows the compensations in reverse order.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../bridge';
import { usePlayground } from '../playgroundStore';
import { SagaTimeline } from './SagaTimeline';

const STEPS = ['reserveStock', 'takePayment', 'createShipment'] as const;
type Step = (typeof STEPS)[number];

export function SagaPanel() {
  const { t } = useTranslation('pg');
  const sagas = usePlayground((s) => s.sagas);
  const act = usePlayground((s) => s.act);
  const busy = usePlayground((s) => s.busy);
  const [mode, setMode] = useState<'orchestrated' | 'choreographed'>('orchestrated');
  const [failAt, setFailAt] = useState<Step | ''>('');
  return (
    <div className="pg-saga">
      <section className="pg-card">
        <h3>{t('saga.title')}</h3>
        <p className="pg-small">{t(`saga.about.${mode}`)}</p>
        <div className="pg-row">
          <label>
            {t('saga.mode')}{' '}
            <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} data-testid="pg-saga-mode">
              <option value="orchestrated">{t('saga.orchestrated')}</option>
              <option value="choreographed">{t('saga.choreographed')}</option>
            </select>
          </label>
          <label>
            {t('saga.failAt')}{' '}
            <select value={failAt} onChange={(e) => setFailAt(e.target.value as Step | '')} data-testid="pg-saga-fail">
              <option value="">{t('saga.noFailure')}</option>
              {STEPS.map((s) => (
                <option key={s} value={s}>
                  {t(`saga.step.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button className="primary" disabled={busy} onClick={() => void act(() => invoke('playground.sagaRun', { mode, failAt: failAt || null }))} data-testid="pg-saga-run">
            {t('saga.run')}
          </button>
        </div>
      </section>
      {sagas.length === 0 ? <p className="muted">{t('saga.none')}</p> : sagas.slice(0, 5).map((s) => <SagaTimeline key={s.sagaId} run={s} />)}
    </div>
  );
}

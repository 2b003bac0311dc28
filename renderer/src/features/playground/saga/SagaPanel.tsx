// The order saga (reserve stock → take payment → create shipment), orchestrated or choreographed,
// with a failure injected at any step; the timeline shows the compensations in reverse order.
// "Mine" runs the student's OrderSaga from the order-saga exercise in the sandbox instead.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SAGA_STEPS, type SagaStep } from '@common/playground';
import { currentLanguage } from '../../../i18n';
import { usePlayground } from '../playgroundStore';
import { SagaTimeline } from './SagaTimeline';


export function SagaPanel() {
  const { t } = useTranslation('pg');
  const sagas = usePlayground((s) => s.sagas);
  const runSaga = usePlayground((s) => s.runSaga);
  const runMySaga = usePlayground((s) => s.runMySaga);
  const busy = usePlayground((s) => s.busy);
  const [whose, setWhose] = useState<'builtin' | 'mine'>('builtin');
  const [mode, setMode] = useState<'orchestrated' | 'choreographed'>('orchestrated');
  const [failAt, setFailAt] = useState<SagaStep | ''>('');
  const [failCompensation, setFailCompensation] = useState(false);
  const mine = whose === 'mine';
  // The exercise's saga is an orchestrator: "mine" has no choreographed form.
  const shownMode = mine ? 'orchestrated' : mode;

  function run() {
    // The saga's sample order (names, address, the cancel reason) is written in the UI's language.
    const lang = currentLanguage();
    if (mine) void runMySaga({ failAt: failAt || null, failCompensation: failCompensation && failAt !== '' && failAt !== 'reserveStock', lang });
    else void runSaga({ mode, failAt: failAt || null, lang });
  }

  return (
    <div className="pg-saga">
      <section className="pg-card">
        <h3>{t('saga.title')}</h3>
        <p className="pg-small">{mine ? t('saga.aboutMine') : t(`saga.about.${shownMode}`)}</p>
        <div className="pg-row">
          <label>
            {t('saga.whose')}{' '}
            <select value={whose} onChange={(e) => setWhose(e.target.value as typeof whose)} data-testid="pg-saga-whose">
              <option value="builtin">{t('saga.builtin')}</option>
              <option value="mine">{t('saga.mine')}</option>
            </select>
          </label>
          <label>
            {t('saga.mode')}{' '}
            <select value={shownMode} disabled={mine} onChange={(e) => setMode(e.target.value as typeof mode)} data-testid="pg-saga-mode">
              <option value="orchestrated">{t('saga.orchestrated')}</option>
              <option value="choreographed">{t('saga.choreographed')}</option>
            </select>
          </label>
          <label>
            {t('saga.failAt')}{' '}
            <select value={failAt} onChange={(e) => setFailAt(e.target.value as SagaStep | '')} data-testid="pg-saga-fail">
              <option value="">{t('saga.noFailure')}</option>
              {SAGA_STEPS.map((s) => (
                <option key={s} value={s}>
                  {t(`saga.step.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {mine && (
            <label className="pg-switch">
              <input
                type="checkbox"
                checked={failCompensation}
                disabled={failAt === '' || failAt === 'reserveStock'}
                onChange={(e) => setFailCompensation(e.target.checked)}
                data-testid="pg-saga-fail-compensation"
              />
              <span>{t('saga.failCompensation')}</span>
            </label>
          )}
          <button className="primary" disabled={busy} onClick={run} data-testid="pg-saga-run">
            {mine ? t('saga.runMine') : t('saga.run')}
          </button>
        </div>
      </section>
      {sagas.length === 0 ? <p className="muted">{t('saga.none')}</p> : sagas.slice(0, 5).map((s) => <SagaTimeline key={s.sagaId} run={s} />)}
    </div>
  );
}

// Ready-made scenarios: start one and step through it, or run it all at once. Below the steps, what
// happened since the scenario started, in sentences (the activity log), and whether the order service
// is down (the outbox crash leaves it down until its restart step).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENARIO_IDS, type ScenarioId } from '@common/playground';
import { ConsistencyStrip } from '../ConsistencyStrip';
import { ActivityList } from '../faults/ActivityList';
import { currentLanguage } from '../../../i18n';
import { usePlayground } from '../playgroundStore';


export function ScenarioMenu({ initial = 'happy-path' }: { initial?: ScenarioId }) {
  const { t } = useTranslation('pg');
  const [id, setId] = useState<ScenarioId>(initial);
  const scenario = usePlayground((s) => s.overview?.scenario ?? null);
  const activity = usePlayground((s) => s.overview?.activity);
  const relayUp = usePlayground((s) => s.overview?.relayUp ?? true);
  const selected = usePlayground((s) => s.selectedOrderId);
  // Oldest first: the scenario's story reads in the order it happened (the Faults tab lists newest first).
  const story = scenario && activity ? activity.filter((a) => a.seq > scenario.activityFrom).reverse() : [];
  const { startScenario, runScenario, stepScenario } = usePlayground.getState();
  const busy = usePlayground((s) => s.busy);
  const done = scenario ? scenario.next >= scenario.steps.length : true;

  // The scenario's sample order (names, address, reasons) is written in the UI's language.
  const start = () => startScenario(id, currentLanguage());
  const runAll = () => runScenario(id, currentLanguage());
  return (
    <section className="pg-card" aria-labelledby="pg-scenarios-title">
      <h2 id="pg-scenarios-title">{t('scenario.title')}</h2>
      <div className="pg-row">
        <select aria-label={t('scenario.pick')} value={id} onChange={(e) => setId(e.target.value as ScenarioId)} data-testid="pg-scenario-pick">
          {SCENARIO_IDS.map((s) => (
            <option key={s} value={s}>
              {t(`scenario.${s}`)}
            </option>
          ))}
        </select>
        <button onClick={() => void start()} disabled={busy}>
          {t('scenario.start')}
        </button>
        <button className="primary" onClick={() => void runAll()} disabled={busy} data-testid="pg-scenario-all">
          {t('scenario.runAll')}
        </button>
      </div>
      <p className="muted pg-small">{t(`scenario.about.${id}`)}</p>
      {scenario && (
        <div className="pg-steps">
          <ol>
            {scenario.steps.map((s, i) => {
              const r = scenario.results[i];
              const failed = r?.outcomes.find((o) => !o.ok);
              return (
                <li key={i} className={i < scenario.next ? 'done' : i === scenario.next ? 'next' : ''}>
                  {t(`step.${s.label}`, s.params)}
                  {r && (failed && !failed.ok ? <span className="pg-step-bad"> → {failed.code}</span> : <span className="pg-step-ok"> ✓</span>)}
                  {r?.note && <span className="muted"> ({t('scenario.commands', { n: r.note })})</span>}
                </li>
              );
            })}
          </ol>
          <button onClick={() => void stepScenario()} disabled={busy || done} data-testid="pg-scenario-step">
            {done ? t('scenario.finished') : t('scenario.step')}
          </button>
          {!relayUp && (
            <p className="pg-small pg-down" role="status" data-testid="pg-relay-down">
              {t('scenario.relayDown')}
            </p>
          )}
          {scenario.next > 0 && scenario.id !== 'load-1000' && selected === scenario.orderId && <ConsistencyStrip place="scenario" />}
          {story.length > 0 && (
            <div className="pg-story">
              <h3>{t('scenario.story')}</h3>
              <ActivityList entries={story} testId="pg-scenario-story" />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

// The playground: drive the order system by hand (left) and watch the store, the broker, the read
// model, faults and sagas (right). The store refreshes the views on the engine's change push.
import { useEffect } from 'react';
import { SCENARIO_IDS, type ScenarioId } from '@common/playground';
import { useTranslation } from 'react-i18next';
import './strings';
import './playground.css';
import { BankPanel } from './bank/BankPanel';
import { BrokerView } from './broker/BrokerView';
import { CommandPanel } from './commands/CommandPanel';
import { ConsistencyStrip } from './ConsistencyStrip';
import { FaultsPanel } from './faults/FaultsPanel';
import { HeaderBar } from './HeaderBar';
import { usePlayground, type Tab } from './playgroundStore';
import { ReadModelView } from './readmodel/ReadModelView';
import { SagaPanel } from './saga/SagaPanel';
import { ScenarioMenu } from './commands/ScenarioMenu';
import { StoreView } from './store/StoreView';

const TABS: Tab[] = ['store', 'broker', 'readModel', 'faults', 'saga', 'bank'];

/** `#/playground/scenario/<id>` (a lesson's lab) opens the page with that scenario picked. */
function scenarioFrom(params: string[]): ScenarioId | undefined {
  const [kind, id] = params;
  return kind === 'scenario' && (SCENARIO_IDS as readonly string[]).includes(id ?? '') ? (id as ScenarioId) : undefined;
}

export default function PlaygroundPage({ params }: { params: string[] }) {
  const picked = scenarioFrom(params);
  const { t } = useTranslation('pg');
  const tab = usePlayground((s) => s.tab);
  const setTab = usePlayground((s) => s.setTab);
  const error = usePlayground((s) => s.error);

  useEffect(() => usePlayground.getState().start(), []);

  return (
    <section className="page pg-page" data-testid="playground-page">
      <HeaderBar />
      {error && (
        <p className="pg-error" role="alert">
          {error}
        </p>
      )}
      <div className="pg-layout">
        <aside className="pg-left">
          <CommandPanel />
          <ScenarioMenu key={picked ?? ''} initial={picked} />
        </aside>
        <div className="pg-right">
          <ConsistencyStrip />
          <div className="pg-tabs" role="tablist" aria-label={t('views')}>
            {TABS.map((id) => (
              <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} data-testid={`pg-tab-${id}`} onClick={() => setTab(id)}>
                {t(`tab.${id}`)}
              </button>
            ))}
          </div>
          <div className="pg-view" role="tabpanel">
            {tab === 'store' && <StoreView />}
            {tab === 'broker' && <BrokerView />}
            {tab === 'readModel' && <ReadModelView />}
            {tab === 'faults' && <FaultsPanel />}
            {tab === 'saga' && <SagaPanel />}
            {tab === 'bank' && <BankPanel />}
          </div>
        </div>
      </div>
    </section>
  );
}

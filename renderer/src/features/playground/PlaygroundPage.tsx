// The playground: drive the order system by hand (left) and watch the store, the broker, the read
// model, faults and sagas (right). Views refresh on push topics, throttled per view.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../bridge';
import './strings';
import './playground.css';
import { BankPanel } from './bank/BankPanel';
import { BrokerView } from './broker/BrokerView';
import { CommandPanel } from './commands/CommandPanel';
import { ConsistencyStrip } from './ConsistencyStrip';
import { FaultsPanel } from './faults/FaultsPanel';
import { HeaderBar } from './HeaderBar';
import { throttle, usePlayground, type Tab } from './playgroundStore';
import { ReadModelView } from './readmodel/ReadModelView';
import { SagaPanel } from './saga/SagaPanel';
import { ScenarioMenu } from './commands/ScenarioMenu';
import { StoreView } from './store/StoreView';

const TABS: Tab[] = ['store', 'broker', 'readModel', 'faults', 'saga', 'bank'];

export default function PlaygroundPage(_props: { params: string[] }) {
  const { t } = useTranslation('pg');
  const tab = usePlayground((s) => s.tab);
  const setTab = usePlayground((s) => s.setTab);
  const error = usePlayground((s) => s.error);

  useEffect(() => {
    const s = usePlayground.getState();
    void s.refreshAll();
    const store = throttle(() => {
      void s.refreshOverview();
      void s.refreshStream();
    }, 250);
    const broker = throttle(() => void s.refreshBroker(), 300);
    const projection = throttle(() => void s.refreshReadModel(), 250);
    const playground = throttle(() => {
      void s.refreshOverview();
      void s.refreshSagas();
    }, 250);
    const offs = [
      subscribe('events.appended', store),
      subscribe('broker.changed', broker),
      subscribe('projection.changed', projection),
      subscribe('playground.changed', playground),
    ];
    return () => {
      for (const off of offs) off();
      for (const th of [store, broker, projection, playground]) th.cancel();
    };
  }, []);

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
          <ScenarioMenu />
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

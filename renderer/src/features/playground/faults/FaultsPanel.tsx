// Faults: crash a consumer before it commits (→ redelivery), the inbox switch (duplicates skipped
// or applied twice), a poison message (→ retries with back-off → dead-letter topic), and a
// concurrent modification (→ CONCURRENCY). The activity log narrates what happened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../bridge/types';
import { usePlayground } from '../playgroundStore';
import { ActivityList } from './ActivityList';

export function FaultsPanel() {
  const { t } = useTranslation('pg');
  const overview = usePlayground((s) => s.overview);
  const selected = usePlayground((s) => s.selectedOrderId);
  const { armCrash, setInbox, injectPoison, concurrentEdit } = usePlayground.getState();
  const busy = usePlayground((s) => s.busy);
  const [conflict, setConflict] = useState<MethodOutput<'playground.concurrentEdit'> | null>(null);
  if (!overview) return <p className="muted">{t('loading')}</p>;
  return (
    <div className="pg-faults">
      <div className="pg-two">
        <section className="pg-card">
          <h3>{t('faults.crashTitle')}</h3>
          <p className="pg-small">{t('faults.crashHelp')}</p>
          <div className="pg-row">
            <button className={overview.crashArmed ? 'primary' : ''} onClick={() => void armCrash(!overview.crashArmed)} disabled={busy} data-testid="pg-arm-crash">
              {overview.crashArmed ? t('faults.crashArmed') : t('faults.crashArm')}
            </button>
            <label className="pg-switch">
              <input type="checkbox" checked={overview.inbox} onChange={(e) => void setInbox(e.target.checked)} data-testid="pg-inbox" />
              <span>{overview.inbox ? t('faults.inboxOn') : t('faults.inboxOff')}</span>
            </label>
          </div>
        </section>
        <section className="pg-card">
          <h3>{t('faults.poisonTitle')}</h3>
          <p className="pg-small">{t('faults.poisonHelp')}</p>
          <button onClick={() => void injectPoison()} disabled={busy} data-testid="pg-poison">
            {t('faults.poison')}
          </button>
        </section>
        <section className="pg-card">
          <h3>{t('faults.conflictTitle')}</h3>
          <p className="pg-small">{t('faults.conflictHelp')}</p>
          <button
            onClick={() => void concurrentEdit(selected!).then((r) => setConflict(r))}
            disabled={busy || !selected}
            data-testid="pg-conflict"
          >
            {t('faults.conflict')}
          </button>
          {conflict && (
            <ul className="pg-small" data-testid="pg-conflict-result">
              <li>{conflict.first.ok ? t('faults.aliceOk', { v: conflict.first.version }) : `Alice: ${conflict.first.code}`}</li>
              <li>{conflict.second.ok ? t('faults.bobOk') : <><strong className="pg-bad">{conflict.second.code}</strong> — {t('faults.bobRefused')}</>}</li>
            </ul>
          )}
        </section>
      </div>
      <section className="pg-card">
        <h3>{t('faults.activity')}</h3>
        <ActivityList entries={overview.activity} />
      </section>
    </div>
  );
}

// The broker's journal, newest first: every produce, poll, commit and rebalance as data. With the
// same seed and the same commands the journal is identical, which is what makes a run replayable.
import { useTranslation } from 'react-i18next';
import type { BrokerData } from '../playgroundStore';

export function JournalList({ journal }: { journal: BrokerData['journal'] }) {
  const { t } = useTranslation('pg');
  return (
    <section className="pg-card" data-testid="pg-journal">
      <h3>{t('broker.journal')}</h3>
      <p className="pg-small muted">{t('broker.journalHelp')}</p>
      <ol className="pg-journal">
        {journal.map((e) => (
          <li key={e.seq}>
            <span className="num muted">#{e.seq}</span> <code className={`pg-j-${e.type.replace('.', '-')}`}>{e.type}</code> <span className="pg-j-fields">{e.fields}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

// The broker's journal, newest first: every produce, poll, commit and rebalance, each worded as a
// sentence in the student's language (members by name, times on the simulated clock). With the same
// seed and the same commands the journal is identical, which is what makes a run replayable.
import { useTranslation } from 'react-i18next';
import type { BrokerData } from '../playgroundStore';
import { nameMembers, simSeconds, wordParams } from '../explain';

export function JournalList({ journal }: { journal: BrokerData['journal'] }) {
  const { t, i18n } = useTranslation('pg');
  return (
    <section className="pg-card" data-testid="pg-journal">
      <h3>{t('broker.journal')}</h3>
      <p className="pg-small muted">{t('broker.journalHelp')}</p>
      {/* It scrolls: focusable, so keyboard users can scroll it too. */}
      <ol className="pg-journal" tabIndex={0} aria-label={t('broker.journal')}>
        {journal.map((e) => (
          <li key={e.seq} data-type={e.type}>
            <span className="num muted" title={t('journal.at', { s: simSeconds(e.time, i18n.language) })}>#{e.seq}</span>{' '}
            <span className="pg-j-text">
              {t(`journal.${e.type}`, { ...wordParams(e.params, t, i18n.language), defaultValue: `${e.type}: ${nameMembers(e.fields, t)}` })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

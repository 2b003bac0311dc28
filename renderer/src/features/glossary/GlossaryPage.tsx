// The glossary page (#/glossary, #/glossary/<term-id>): every course term with its name in the other
// language and a short definition, in the reader's alphabetical order, with a filter.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './strings';
import './glossary.css';
import { termsFor } from './glossaryData';

export default function GlossaryPage({ params }: { params: string[] }) {
  const { t, i18n } = useTranslation('glossary');
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const [filter, setFilter] = useState('');
  const terms = termsFor(lang, filter);
  const focus = params[0];

  useEffect(() => {
    if (focus) document.getElementById(`term-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);

  return (
    <section className="page glossary-page" data-testid="glossary-page" lang={lang}>
      <h1>{t('title')}</h1>
      <p className="muted glossary-intro">{t('intro')}</p>
      <label className="glossary-filter">
        <span>{t('filter')}</span>
        <input type="search" value={filter} placeholder={t('filterPlaceholder')} onChange={(e) => setFilter(e.target.value)} data-testid="glossary-filter" />
        <span className="muted" role="status">{t('count', { count: terms.length })}</span>
      </label>
      {terms.length === 0 ? (
        <p className="muted">{t('none', { filter })}</p>
      ) : (
        <dl className="glossary-list">
          {terms.map((term) => (
            <div key={term.id} id={`term-${term.id}`} className={term.id === focus ? 'glossary-entry focused' : 'glossary-entry'} data-testid="glossary-entry">
              <dt>
                <span className="glossary-term">{term.name}</span>
                <span className="glossary-other" lang={lang === 'ru' ? 'en' : 'ru'} title={t('otherLanguage')}>{term.other}</span>
              </dt>
              <dd>{term.definition}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

// The shell: navigation, header controls, the current page, and the status line.
import { Component, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pages } from './pages';
import { hrefFor, navigate, useRoute } from './router';
import { StatusLine } from './StatusLine';
import { HeaderControls } from './HeaderControls';
import { NavIcon } from '../components/NavIcon';
import { describeError } from '../i18n/describeError';
import { warmEditorWhenIdle } from './editorWarmup';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const page = pages.find((p) => p.id === route.page);

  // Once someone is working (this shell shows only then), the editor gets ready in idle time.
  useEffect(() => warmEditorWhenIdle(), []);

  useEffect(() => {
    // Alt+1…6 switch pages, for keyboard users and instructors at a projector.
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      if (index >= 0 && index < pages.length) {
        e.preventDefault();
        navigate(pages[index].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      {/* Moves focus to the page itself; the hash stays a route (the router ignores `#main` anyway). */}
      <a
        className="skip-link"
        href="#main"
        data-testid="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img src="./icon.svg" alt="" width={28} height={28} />
          <div>
            <div className="brand-name">{t('appName')}</div>
            <div className="brand-tagline">{t('tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {pages.map((p, i) => (
              <li key={p.id}>
                <a
                  href={hrefFor(p.id)}
                  className={p.id === route.page ? 'nav-link active' : 'nav-link'}
                  aria-current={p.id === route.page ? 'page' : undefined}
                  data-testid={`nav-${p.id}`}
                  title={`Alt+${i + 1}`}
                >
                  <span className="nav-icon"><NavIcon name={p.id} /></span>
                  {t(p.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <HeaderControls />
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <PageBoundary key={route.page + route.params.join('/')} beforeRetry={page?.forgetFailure}>
          <Suspense fallback={<div className="page-loading">{t('loading')}</div>}>
            {page ? <page.component params={route.params} /> : <p className="page-missing">{t('notFound')}</p>}
          </Suspense>
        </PageBoundary>
      </main>
      <StatusLine />
    </div>
  );
}

/** One broken page must not take the shell down: it shows the error and a retry. */
class PageBoundary extends Component<{ children: ReactNode; beforeRetry?: () => void }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    const retry = () => {
      this.props.beforeRetry?.(); // a page whose code failed to load loads it again
      this.setState({ error: null });
    };
    if (this.state.error) return <PageError error={this.state.error} onRetry={retry} />;
    return this.props.children;
  }
}

/** A page's code that did not arrive (the host stopped, a file went missing): Chromium, Firefox, Safari wording. */
const CODE_LOAD_FAILURE = /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i;

/** The page's error in the UI's language; the browser's or engine's own text only under "technical details". */
function PageError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const message = CODE_LOAD_FAILURE.test(error.message) ? t('pageCodeMissing') : describeError(error);
  return (
    <div className="page-error" role="alert" data-testid="page-error">
      <p>{t('pageError', { message })}</p>
      <details>
        <summary>{t('technicalDetails')}</summary>
        <code lang="en">{error.message}</code>
      </details>
      <button onClick={onRetry}>{t('retry')}</button>
    </div>
  );
}

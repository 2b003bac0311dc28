// One lesson's body: the rendered Markdown (its code already highlighted by the engine), then the diagrams
// drawn lazily, the copy buttons and in-page links wired by delegation, and the diagrams redrawn when the
// theme changes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../../app/theme';
import { renderDiagrams } from './enhance/mermaid';
import type { ReadingTracker } from './useReadingTracker';

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (no permission, not focused): fall back to a hidden textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  }
}

export function LessonArticle({
  html,
  articleRef,
  tracker,
}: {
  html: string;
  articleRef: React.RefObject<HTMLElement | null>;
  tracker: ReadingTracker;
}) {
  const { t } = useTranslation('lesson');
  const theme = useTheme((s) => s.resolved);
  const [ready, setReady] = useState(false);
  const drawnTheme = useRef<string | null>(null);
  const trackerRef = useRef(tracker);
  trackerRef.current = tracker;

  // Draw the diagrams once per document.
  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    let cancelled = false;
    setReady(false);
    const isCancelled = () => cancelled;
    const labels = { error: t('diagramError') };
    const currentTheme = useTheme.getState().resolved;
    void (async () => {
      await renderDiagrams(article, currentTheme, labels, isCancelled).catch(() => undefined);
      if (cancelled) return;
      drawnTheme.current = currentTheme;
      setReady(true);
      trackerRef.current.relayout();
    })();
    return () => {
      cancelled = true;
    };
    // t changes with the language, and so does html; drawing once per html is enough.
  }, [html, articleRef]);

  // Redraw diagrams for a new theme (code colours switch by CSS alone).
  useEffect(() => {
    const article = articleRef.current;
    if (!article || !ready || drawnTheme.current === theme) return;
    let cancelled = false;
    drawnTheme.current = theme;
    void renderDiagrams(article, theme, { error: t('diagramError') }, () => cancelled, true);
    return () => {
      cancelled = true;
    };
  }, [theme, ready, articleRef, t]);

  const onClick = (e: React.MouseEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const copy = target.closest<HTMLButtonElement>('button[data-copy]');
    if (copy) {
      const code = copy.closest('figure')?.querySelector('pre')?.textContent ?? '';
      copyText(code).then(
        () => flash(copy, t('copied'), t('copy')),
        () => flash(copy, t('copyFailed'), t('copy')),
      );
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a');
    if (!link) return;
    if (link.classList.contains('lesson-link-missing') || link.classList.contains('exercise-link-missing')) {
      e.preventDefault();
      return;
    }
    const anchor = link.dataset.anchor;
    if (anchor) {
      e.preventDefault();
      tracker.goTo(anchor);
      // A heading's own link puts the section's address in the address bar (to copy and share)
      // without a route change, which would rebuild the page.
      if (link.classList.contains('heading-anchor')) history.replaceState(history.state, '', link.href);
    }
  };

  return (
    <article
      ref={articleRef}
      className="lesson-article"
      data-testid="lesson-article"
      data-ready={ready}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function flash(button: HTMLButtonElement, text: string, back: string): void {
  button.textContent = text;
  button.classList.add('flashed');
  window.setTimeout(() => {
    button.textContent = back;
    button.classList.remove('flashed');
  }, 1500);
}

// One lesson's body: the rendered Markdown (its code already highlighted by the engine), then the diagrams
// drawn lazily, the copy buttons and in-page links wired by delegation, and the diagrams redrawn when the
// theme changes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../../app/theme';
import { drawDiagramsNearView, type DiagramDrawer } from './enhance/diagramsNearView';
import { scroller } from './scrolling';
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
  const drawer = useRef<DiagramDrawer | null>(null);
  const trackerRef = useRef(tracker);
  trackerRef.current = tracker;

  // Per document: draw the diagrams as they come near the view; the article is ready once those on the
  // first screen are drawn.
  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    let cancelled = false;
    setReady(false);
    const current = drawDiagramsNearView({
      article,
      scroller: scroller(),
      theme: useTheme.getState().resolved,
      labels: { error: t('diagramError') },
      onDrawn: () => trackerRef.current.relayout(),
    });
    drawer.current = current;
    void current.firstScreen.then(() => {
      if (cancelled) return;
      setReady(true);
      trackerRef.current.relayout();
    });
    return () => {
      cancelled = true;
      current.dispose();
      if (drawer.current === current) drawer.current = null;
    };
    // t changes with the language, and so does html; one drawer per html is enough.
  }, [html, articleRef]);

  // A new theme: the drawer draws the diagrams again (code colours switch by CSS alone).
  useEffect(() => {
    drawer.current?.setTheme(theme);
  }, [theme]);

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

// Draws a lesson's diagrams only when they come near the view (within a screen of it), one at a time, so
// opening a long lesson lays out the diagrams the student sees, not all of them. When the theme changes,
// the diagrams drawn so far are drawn again (those near the view first; kept drawings make it cheap).
import { renderDiagrams, type MermaidLabels } from './mermaid';

/** How far outside the scrolling area a diagram is drawn already: one screen above and below. */
const NEAR = '100% 0px 100% 0px';

export interface DiagramDrawer {
  /** Resolves once the diagrams near the view when the lesson opened are drawn (at once if there are none). */
  readonly firstScreen: Promise<void>;
  /** The theme changed: draw again what is drawn or near, in the new theme. */
  setTheme(theme: 'light' | 'dark'): void;
  dispose(): void;
}

export function drawDiagramsNearView(options: {
  article: HTMLElement;
  /** The element that scrolls the article (the app's <main>): diagrams clipped by it are not in view. */
  scroller: HTMLElement;
  theme: 'light' | 'dark';
  labels: MermaidLabels;
  /** Called after each diagram is drawn (the layout changed). */
  onDrawn: () => void;
}): DiagramDrawer {
  const { article, scroller, labels, onDrawn } = options;
  let theme = options.theme;
  let disposed = false;
  const isCancelled = () => disposed;
  const near = new Set<HTMLElement>();
  let queue: Promise<void> = Promise.resolve();

  /** Draws, after what is already queued, the blocks of `pick` that still need it when their turn comes. */
  const enqueue = (pick: () => HTMLElement[]): Promise<void> => {
    const run = queue.then(async () => {
      for (const block of pick()) {
        if (disposed) return;
        if (block.dataset.mermaid === 'done' && block.dataset.theme === theme) continue;
        await renderDiagrams([block], theme, labels, isCancelled).catch(() => undefined);
        if (!disposed) onDrawn();
      }
    });
    // Whatever happens to one turn, the next ones still run.
    queue = run.catch(() => undefined);
    return queue;
  };

  const blocks = [...article.querySelectorAll<HTMLElement>('figure.mermaid-block')];
  let firstDone: () => void = () => undefined;
  const firstScreen = new Promise<void>((resolve) => (firstDone = resolve));
  if (blocks.length === 0) firstDone();
  let first = true;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const block = e.target as HTMLElement;
        if (e.isIntersecting) near.add(block);
        else near.delete(block);
      }
      const nowNear = blocks.filter((b) => near.has(b) && b.dataset.mermaid === 'pending');
      const drawing = enqueue(() => nowNear);
      if (first) {
        first = false;
        void drawing.then(firstDone);
      }
    },
    { root: scroller, rootMargin: NEAR },
  );
  for (const b of blocks) observer.observe(b);

  return {
    firstScreen,
    setTheme(next) {
      if (next === theme) return;
      theme = next;
      // Those near the view first, then the others drawn before; pending ones far away wait until they come near.
      const drawnBefore = (b: HTMLElement) => b.dataset.theme !== undefined;
      void enqueue(() => [...blocks.filter((b) => near.has(b)), ...blocks.filter((b) => !near.has(b) && drawnBefore(b))]);
    },
    dispose() {
      disposed = true;
      observer.disconnect();
      firstDone();
    },
  };
}

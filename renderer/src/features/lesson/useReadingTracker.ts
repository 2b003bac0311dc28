// Follows the student through the lesson: which section is in view (IntersectionObserver over the
// headings, for the table of contents), which sections have been read (on screen long enough for
// their length: readingRule.ts), and where they stopped (saved, debounced, to the engine). Restores the saved place when the lesson
// opens, again after diagrams and highlighting change the layout, until the student moves themselves.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useLessonStore, type Position } from './lessonStore';
import { advanceReading, countWords, READING_RULE, type SectionBox } from './readingRule';
import { offsetInScroller, scroller, scrollToHeading } from './scrolling';

const SAVE_AFTER_MS = 500;
/** The top part of the view where a heading counts as "the section being read". */
const BAND = 0.35;

export interface ReadingTracker {
  /** Call after anything that changes the layout (a diagram drawn). */
  relayout(): void;
  /** The student asked to go somewhere (TOC, anchor link): stop restoring, go there. */
  goTo(id: string): void;
}

export function useReadingTracker(articleRef: RefObject<HTMLElement | null>, html: string, routeAnchor: string | null): ReadingTracker {
  const interacted = useRef(false);
  /** The section the student last asked for (TOC, anchor link): kept in view while diagrams drawn above
   *  it change the layout, until they move by themselves. */
  const asked = useRef<string | null>(null);
  const saveTimer = useRef<number | undefined>(undefined);
  // Returning to a lesson shows the cached copy at once; when the fresh progress arrives, restore again.
  const saved = useLessonStore((s) => s.saved);

  const restore = useCallback(() => {
    if (interacted.current) return;
    const main = scroller();
    if (routeAnchor && document.getElementById(routeAnchor)) {
      scrollToHeading(routeAnchor, false);
      return;
    }
    if (!saved || saved.updatedAt === null) return;
    const anchor = saved.anchor ? document.getElementById(saved.anchor) : null;
    main.scrollTop = anchor
      ? offsetInScroller(anchor, main) + saved.anchorOffset
      : saved.scrollFraction * Math.max(0, main.scrollHeight - main.clientHeight);
  }, [routeAnchor, saved]);

  // Restore on every new document, then listen for the student's own movement and save it.
  useEffect(() => {
    const article = articleRef.current;
    if (!article || !html) return;
    interacted.current = false;
    asked.current = null;
    restore();
    const main = scroller();
    const markInteracted = () => {
      interacted.current = true;
      asked.current = null;
    };
    const position = (): Position => {
      const headings = [...article.querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id]')];
      const top = main.scrollTop;
      let anchor: HTMLElement | null = null;
      for (const h of headings) {
        if (offsetInScroller(h, main) <= top + 1) anchor = h;
        else break;
      }
      const range = Math.max(1, main.scrollHeight - main.clientHeight);
      return {
        scrollFraction: Math.min(1, Math.max(0, top / range)),
        anchor: anchor?.id ?? null,
        anchorOffset: anchor ? Math.round(top - offsetInScroller(anchor, main)) : Math.round(top),
      };
    };
    // Until the student moves, the view is only our restored position: saving it is pointless, and
    // saving before the restore would overwrite their place with the top of the page. A newly read
    // section is worth saving either way (the view is then the restored place).
    let sectionsChanged = false;
    // Measured when scheduling, not when saving: a save flushed on leaving the page runs after the
    // article has left the DOM, where every heading measures zero.
    let latest: Position | null = null;
    const openLesson = useLessonStore.getState().lesson;
    const target = openLesson ? { id: openLesson.id, lang: openLesson.lang } : undefined;
    const flush = () => {
      window.clearTimeout(saveTimer.current);
      saveTimer.current = undefined;
      if ((interacted.current || sectionsChanged) && latest) void useLessonStore.getState().save(latest, target).catch(() => {});
      sectionsChanged = false;
    };
    const schedule = () => {
      if (article.isConnected) latest = position();
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(flush, SAVE_AFTER_MS);
    };
    const onScroll = () => {
      if (interacted.current) schedule();
    };
    const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
    for (const e of events) main.addEventListener(e, markInteracted, { passive: true });
    main.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    const unsubscribe = useLessonStore.subscribe((s, prev) => {
      if (s.sectionsRead !== prev.sectionsRead && s.lesson === prev.lesson) {
        sectionsChanged = true;
        schedule();
      }
    });
    return () => {
      for (const e of events) main.removeEventListener(e, markInteracted);
      main.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      unsubscribe();
      if (saveTimer.current !== undefined) flush();
    };
  }, [articleRef, html, restore]);

  // Sections read: every few hundred milliseconds, each section on screen gets the elapsed time; one
  // on screen long enough for its length is marked read (the rule and its numbers: readingRule.ts).
  useEffect(() => {
    const article = articleRef.current;
    if (!article || !html) return;
    const headings = [...article.querySelectorAll<HTMLElement>('h2[id], h3[id]')];
    if (headings.length === 0) return;
    const main = scroller();
    // A section runs from its heading to the next one (or the end of the article).
    const words = headings.map((h, i) => {
      const range = document.createRange();
      range.setStartBefore(h);
      if (headings[i + 1]) range.setEndBefore(headings[i + 1]);
      else range.setEndAfter(article.lastChild ?? h);
      return countWords(range.toString());
    });
    let dwell = new Map<string, number>();
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      if (document.visibilityState !== 'visible' || !article.isConnected) return;
      const end = article.getBoundingClientRect().bottom;
      const tops = headings.map((h) => h.getBoundingClientRect().top);
      const boxes: SectionBox[] = headings.map((h, i) => ({ id: h.id, top: tops[i], bottom: tops[i + 1] ?? end, words: words[i] }));
      const viewTop = main.getBoundingClientRect().top;
      const { sectionsRead, markRead } = useLessonStore.getState();
      const step = advanceReading(dwell, boxes, { top: viewTop, bottom: viewTop + main.clientHeight }, elapsed, new Set(sectionsRead));
      dwell = step.dwell;
      for (const id of step.read) markRead(id);
    };
    const timer = window.setInterval(tick, READING_RULE.tickMs);
    return () => window.clearInterval(timer);
  }, [articleRef, html]);

  // The section in view: the first heading inside the top band of the view; when none is, the one
  // above it (we are inside its section). It is highlighted in the table of contents.
  useEffect(() => {
    const article = articleRef.current;
    if (!article || !html) return;
    const headings = [...article.querySelectorAll<HTMLElement>('h2[id], h3[id]')];
    if (headings.length === 0) return;
    const { setActive } = useLessonStore.getState();
    const inBand = new Set<HTMLElement>();
    let active: HTMLElement | null = null;
    const activate = (h: HTMLElement | null) => {
      if (h === active) return;
      active = h;
      setActive(h?.id ?? null);
    };
    const main = scroller();
    const bandBottom = () => main.getBoundingClientRect().top + main.clientHeight * BAND;
    // No heading in the band: we are inside the section of the last heading above it.
    const fromGeometry = () => {
      const limit = bandBottom();
      let passed: HTMLElement | null = null;
      for (const h of headings) {
        if (h.getBoundingClientRect().top < limit) passed = h;
        else break;
      }
      activate(passed ?? headings[0]);
    };
    const update = () => {
      const first = headings.find((h) => inBand.has(h));
      if (first) activate(first);
      else fromGeometry();
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) inBand.add(entry.target as HTMLElement);
          else inBand.delete(entry.target as HTMLElement);
        }
        update();
      },
      { root: main, rootMargin: `0px 0px -${Math.round((1 - BAND) * 100)}% 0px`, threshold: 0 },
    );
    // A long jump can carry headings from below the band to above it with no crossing the observer
    // reports; a cheap check after scrolling settles covers it.
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (![...inBand].length) fromGeometry();
      });
    };
    main.addEventListener('scroll', onScroll, { passive: true });
    headings.forEach((h) => observer.observe(h));
    return () => {
      observer.disconnect();
      main.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [articleRef, html]);

  return {
    relayout: () => {
      // A diagram drawn while a smooth scroll runs would leave it short of its heading: jump there instead.
      if (asked.current) scrollToHeading(asked.current, false);
      else restore();
    },
    goTo: (id: string) => {
      interacted.current = true;
      asked.current = id;
      if (scrollToHeading(id, true)) useLessonStore.getState().setActive(id);
    },
  };
}

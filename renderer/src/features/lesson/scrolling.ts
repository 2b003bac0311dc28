// Geometry inside the app's scrolling <main> (the page itself never scrolls).
export function scroller(): HTMLElement {
  return document.getElementById('main') ?? document.documentElement;
}

/** The element's distance from the top of the scrolled content. */
export function offsetInScroller(el: Element, main = scroller()): number {
  return el.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
}

export function scrollToHeading(id: string, smooth: boolean): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const main = scroller();
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  main.scrollTo({ top: Math.max(0, offsetInScroller(el, main) - 12), behavior: smooth && !reduced ? 'smooth' : 'auto' });
  // Move keyboard focus with the view, without a second jump.
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  (el as HTMLElement).focus({ preventScroll: true });
  return true;
}

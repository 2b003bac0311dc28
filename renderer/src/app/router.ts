// A tiny hash router: the page survives reloads (#/lesson, #/exercises/orders-lifecycle) and
// works the same under app:// and http://.
import { create } from 'zustand';

export interface Route {
  page: string;
  params: string[];
}

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] ?? 'lesson', params: parts.slice(1) };
}

/** Only `#/…` names a page; any other fragment (the skip link's `#main`, an in-page anchor) is not a route. */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

export const useRoute = create<Route>(() => parse(isRouteHash(window.location.hash) ? window.location.hash : ''));

window.addEventListener('hashchange', () => {
  if (isRouteHash(window.location.hash)) useRoute.setState(parse(window.location.hash), true);
});

export function navigate(page: string, ...params: string[]): void {
  window.location.hash = '#/' + [page, ...params].map(encodeURIComponent).join('/');
}

export function hrefFor(page: string, ...params: string[]): string {
  return '#/' + [page, ...params].map(encodeURIComponent).join('/');
}

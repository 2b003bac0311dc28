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

export const useRoute = create<Route>(() => parse(window.location.hash));

window.addEventListener('hashchange', () => useRoute.setState(parse(window.location.hash), true));

export function navigate(page: string, ...params: string[]): void {
  window.location.hash = '#/' + [page, ...params].map(encodeURIComponent).join('/');
}

export function hrefFor(page: string, ...params: string[]): string {
  return '#/' + [page, ...params].map(encodeURIComponent).join('/');
}

// A view's own read through the playground store (a window of the log, one version's state, a
// key's walk): fetched when its inputs change, and an answer that comes after newer inputs is dropped.
import { useEffect, useState, type DependencyList } from 'react';
import { usePlayground, type PlaygroundState } from './playgroundStore';

/** `fetch` gets the store's reads; null skips the read (and clears the value). */
export function useRead<T>(fetch: (read: PlaygroundState['read']) => Promise<T> | null, deps: DependencyList): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const pending = fetch(usePlayground.getState().read);
    if (!pending) return setValue(null);
    let live = true;
    pending.then((v) => live && setValue(v), () => undefined);
    return () => {
      live = false;
    };
    // The caller lists what the read depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

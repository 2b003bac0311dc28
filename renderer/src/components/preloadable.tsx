// A lazily loaded component that can be loaded ahead of time and then renders at once. React.lazy
// suspends on its first render even when the module has already arrived, and once a Suspense
// fallback is on screen React holds the real content back for up to ~300 ms; a preloaded component
// skips both.
import { lazy, type ComponentType, type JSX } from 'react';

export interface Preloadable<P extends object> {
  /** Render this: the loaded component itself once loaded, a lazy one (needs a Suspense above) before. */
  Component: (props: P) => JSX.Element;
  /** Starts loading (once); resolves when the component can render without suspending. */
  preload(): Promise<void>;
}

export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (loading ??= load().then(
      (m) => ((loaded = m.default), m),
      (err: unknown) => {
        loading = null; // a later preload may try again
        throw err;
      },
    ));
  const Lazy = lazy(start);
  function Component(props: P): JSX.Element {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component, preload: () => start().then(() => undefined) };
}

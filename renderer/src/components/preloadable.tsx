// A lazily loaded component that can be loaded ahead of time and then renders at once. React.lazy
// suspends on its first render even when the module has already arrived, and once a Suspense
// fallback is on screen React holds the real content back for up to ~300 ms; a preloaded component
// skips both, and `WithFallback` never suspends at all (it shows its own fallback until the module is
// there, then renders the component in the same moment, as a plain state update).
import { lazy, useEffect, useState, useSyncExternalStore, type ComponentType, type JSX, type ReactNode } from 'react';

export interface Preloadable<P extends object> {
  /** Render this: the loaded component itself once loaded, a lazy one (needs a Suspense above) before. */
  Component: (props: P) => JSX.Element;
  /** Starts loading if needed and shows `fallback` until the component can render; no Suspense needed. */
  WithFallback: (props: P & { fallback: ReactNode }) => JSX.Element;
  /** Starts loading (once); resolves when the component can render without suspending. */
  preload(): Promise<void>;
  /**
   * After a failed load, makes the next render of `Component` load again (an error boundary's "try
   * again"): React.lazy keeps its rejection for good, so a fresh one replaces it. Not done on the
   * failure itself, or React's own re-render after the rejection would start loading in a loop.
   */
  forgetFailure(): void;
}

export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let failed: { error: unknown } | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const start = () =>
    (loading ??= load().then(
      (m) => {
        loaded = m.default;
        failed = null;
        notify();
        return m;
      },
      (err: unknown) => {
        loading = null; // a later preload may try again
        failed = { error: err };
        notify();
        throw err;
      },
    ));
  let Lazy = lazy(start);
  function Component(props: P): JSX.Element {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const forgetFailure = () => {
    if (loaded || !failed) return;
    failed = null;
    Lazy = lazy(start);
  };
  function WithFallback({ fallback, ...props }: P & { fallback: ReactNode }): JSX.Element {
    // A new mount (an error boundary's "try again") forgets an earlier failure, so the effect below
    // loads again instead of the first render re-throwing the old error forever.
    useState(forgetFailure);
    const Loaded = useSyncExternalStore(subscribe, () => loaded);
    const failure = useSyncExternalStore(subscribe, () => failed);
    useEffect(() => {
      if (!loaded) void start().catch(() => undefined);
    }, []);
    if (failure && !Loaded) throw failure.error; // to the nearest error boundary, as React.lazy does
    return Loaded ? <Loaded {...(props as P)} /> : <>{fallback}</>;
  }
  return { Component, WithFallback, preload: () => start().then(() => undefined), forgetFailure };
}

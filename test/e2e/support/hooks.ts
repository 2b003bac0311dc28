// Registers the beforeAll/afterAll pair every e2e file needs: start the web host and Chromium once for
// the file, close both at its end. Returns accessors, valid inside tests (after beforeAll has run).
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipEditorWarmupInThisFile, startHost, type RunningHost } from './app';

export interface HostAndBrowser {
  readonly host: RunningHost;
  readonly browser: Browser;
}

export function useHostAndBrowser(
  options: { setup?: () => void; timeout?: number; profile?: string | false; /** false for a suite that never opens the code editor (app.ts). */ editorWarmup?: false } = {},
): HostAndBrowser {
  if (options.editorWarmup === false) skipEditorWarmupInThisFile();
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    options.setup?.();
    // Started together: the host compiles and opens its databases while Chromium starts. Whichever
    // started is kept, so afterAll closes it even when the other failed.
    const [startedHost, startedBrowser] = await Promise.allSettled([startHost({ profile: options.profile }), launchBrowser()]);
    if (startedHost.status === 'fulfilled') host = startedHost.value;
    if (startedBrowser.status === 'fulfilled') browser = startedBrowser.value;
    if (startedHost.status === 'rejected') throw startedHost.reason;
    if (startedBrowser.status === 'rejected') throw startedBrowser.reason;
  }, options.timeout);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  return {
    get host() {
      return host!;
    },
    get browser() {
      return browser!;
    },
  };
}

// The accessibility sweep's shared parts (#15 item 6): the pages and states to check, how each is
// reached, and the axe-core scan. Two spec files split the pages between them so the two e2e workers
// share the work.
//
// Each page is checked in both themes and both languages, in two combinations: light/English and
// dark/Russian. A theme changes colours and nothing else, a language changes text and nothing else, so
// these two cover every rule in each theme and each language; the other two combinations would repeat
// the same checks (the suite is CPU-bound on two cores: each scan of the lesson costs seconds).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openApp } from './app';
import type { HostAndBrowser } from './hooks';

export interface A11yVisit {
  name: string;
  hash: string;
  /** Brings the page into the state to check; resolves once it is on screen. */
  ready(page: Page): Promise<void>;
}

export const h1 = (page: Page) => page.locator('#main h1').first().waitFor({ timeout: 20_000 });

export interface A11yCombo {
  colorScheme: 'light' | 'dark';
  locale: 'en-US' | 'ru-RU';
}

export const A11Y_COMBOS: readonly A11yCombo[] = [
  { colorScheme: 'light', locale: 'en-US' },
  { colorScheme: 'dark', locale: 'ru-RU' },
];

/** The serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Opens the page in the combination, brings it to its state and returns what axe-core finds. */
export async function checkVisit(e2e: HostAndBrowser, visit: A11yVisit, combo: A11yCombo): Promise<string[]> {
  const app = await openApp(e2e.browser, e2e.host, { colorScheme: combo.colorScheme, locale: combo.locale, hash: visit.hash });
  try {
    await visit.ready(app.page);
    return await seriousViolations(app.page);
  } finally {
    await app.close();
  }
}

export const comboName = (combo: A11yCombo) => `${combo.colorScheme}, ${combo.locale}`;

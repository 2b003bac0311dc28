// The accessibility sweep's shared parts (#15 item 6): the pages and states to check, how each is
// reached, and the axe-core scan. Two spec files split the pages between them so the two e2e workers
// share the work.
//
// Each page is checked in all four theme × language combinations, but not with every rule in each:
// a theme changes colours and nothing else, a language changes text and nothing else. So every rule
// runs in light/English and in dark/Russian (both themes, both languages), and the rules whose result
// depends on colour run in the two remaining combinations as well (dark/English, light/Russian), which
// catches a colour problem on an element only one language shows.
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

/** axe-core rules whose outcome depends on the colours (so on the theme). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export interface A11yCombo {
  colorScheme: 'light' | 'dark';
  locale: 'en-US' | 'ru-RU';
  rules: 'all' | 'colour';
}

export const A11Y_COMBOS: readonly A11yCombo[] = [
  { colorScheme: 'light', locale: 'en-US', rules: 'all' },
  { colorScheme: 'dark', locale: 'ru-RU', rules: 'all' },
  { colorScheme: 'dark', locale: 'en-US', rules: 'colour' },
  { colorScheme: 'light', locale: 'ru-RU', rules: 'colour' },
];

/** The serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page, rules: A11yCombo['rules']): Promise<string[]> {
  const builder = new AxeBuilder({ page: page as never });
  if (rules === 'colour') builder.withRules(COLOUR_RULES);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Opens the page in the combination, brings it to its state and returns what axe-core finds. */
export async function checkVisit(e2e: HostAndBrowser, visit: A11yVisit, combo: A11yCombo): Promise<string[]> {
  const app = await openApp(e2e.browser, e2e.host, { colorScheme: combo.colorScheme, locale: combo.locale, hash: visit.hash });
  try {
    await visit.ready(app.page);
    return await seriousViolations(app.page, combo.rules);
  } finally {
    await app.close();
  }
}

export const comboName = (combo: A11yCombo) => `${combo.colorScheme}, ${combo.locale}${combo.rules === 'colour' ? ' (colour rules)' : ''}`;

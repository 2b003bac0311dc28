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
  /**
   * The page shows highlighted code: the code inside each block (not the block, its caption or its focusable
   * <pre>) is left out of the axe scan and its token colours are checked against the block's background
   * instead (codeTokenContrast). axe runs every rule on each of the lesson's thousands of token spans, three
   * quarters of a 20-second scan, where the one thing a token can get wrong is its colour.
   */
  highlightedCode?: true;
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

/** Highlighted code (renderer/src/features/lesson/markdown/highlightedHtml.ts): each block's code element, and its token spans. */
const HIGHLIGHTED_CODE = '.shiki code';
const CODE_TOKENS = '.shiki .line > span';

/** The serious and critical violations on the page as it is now, one line each; `exclude`: selectors axe leaves out. */
export async function seriousViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  // Legacy mode runs axe in the page itself. The default also opens a blank page per scan to merge the
  // frames' results, which the app (no iframes) does not need: same violations, a third of the time.
  // Should a page ever hold an iframe, it says so instead of passing with the frame unchecked.
  if ((await page.locator('iframe').count()) > 0) return ['the page has an iframe: scan it with AxeBuilder\'s default (not legacy) mode'];
  const builder = new AxeBuilder({ page: page as never }).setLegacyMode(true);
  for (const selector of exclude) builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Every distinct colour of the page's code tokens against its code block's background, by WCAG's contrast
 * ratio (AA: 4.5:1 for text of that size), one line per pair that misses it. Also fails on a page without
 * token spans, so a visit that stops showing highlighted code cannot pass by checking nothing.
 */
export async function codeTokenContrast(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const spans = [...document.querySelectorAll(selector)].filter((s) => (s.textContent ?? '').trim() !== '');
    if (spans.length === 0) return [`no highlighted code (${selector}) on the page`];
    const pairs = new Set(spans.map((s) => `${getComputedStyle(s).color}|${getComputedStyle(s.closest('.code-block') ?? document.body).backgroundColor}`));
    return [...pairs].flatMap((pair) => {
      const [fg, bg] = pair.split('|');
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      return ratio < 4.5 ? [`serious color-contrast: code token ${fg} on ${bg} is ${ratio.toFixed(2)}:1`] : [];
    });
  }, CODE_TOKENS);
}

/** Opens the page in the combination, brings it to its state and returns what axe-core (and the code check) finds. */
export async function checkVisit(e2e: HostAndBrowser, visit: A11yVisit, combo: A11yCombo): Promise<string[]> {
  const app = await openApp(e2e.browser, e2e.host, { colorScheme: combo.colorScheme, locale: combo.locale, hash: visit.hash });
  try {
    await visit.ready(app.page);
    if (!visit.highlightedCode) return await seriousViolations(app.page);
    return [...(await seriousViolations(app.page, [HIGHLIGHTED_CODE])), ...(await codeTokenContrast(app.page))];
  } finally {
    await app.close();
  }
}

export const comboName = (combo: A11yCombo) => `${combo.colorScheme}, ${combo.locale}`;

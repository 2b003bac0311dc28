// The page tour: every page a student or instructor meets, in Russian and in English, at 1024×700 (a
// classroom projector), in the states they reach (a failing run, a build error, the hand-in dialog, an
// order in the playground, a graded class). Writes docs/screenshots/<lang>-<nn>-<page>.png for a human
// to look at; nothing is asserted beyond each state being reached. Run with `npm run screenshots`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, ROOT, useHostAndBrowser, useProfile } from '../e2e/support';
import { readExercisePackage, setEditableFile } from '../e2e/support/exerciseWorkspace';
import { buildFixtureClass } from '../integration/grading/fixtureClass';

const OUT = path.join(ROOT, 'docs/screenshots');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-shots-'));
const classDir = path.join(work, 'class');
const reportsDir = path.join(work, 'reports');
const exercise = readExercisePackage('orders-lifecycle');
const EDITABLE = exercise.editable[0]!;
const STARTER = fs.readFileSync(path.join(ROOT, 'exercises/orders-lifecycle/starter', EDITABLE), 'utf8');

const e2e = useHostAndBrowser({ setup: () => buildFixtureClass(classDir, path.join(work, 'ESCAPED')), timeout: 60_000, profile: false });

const LOCALES = { ru: 'ru-RU', en: 'en-US' } as const;
type Lang = keyof typeof LOCALES;

interface Shot {
  name: string;
  hash: string;
  /** Brings the page into the state to show; resolves once it is on screen. */
  ready(page: Page, lang: Lang): Promise<void>;
}

const h1 = (page: Page) => page.locator('#main h1').first().waitFor({ timeout: 20_000 });
const editorReady = (page: Page) => page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 30_000 });

/** At 1024×700 the workspace shows one pane at a time (Task | Code | Results); picks one when so. */
async function showPane(page: Page, pane: 'task' | 'code' | 'results'): Promise<void> {
  if (await page.getByTestId(`pane-${pane}`).count()) await page.getByTestId(`pane-${pane}`).click();
}

/** Puts `code` into the editable file, runs the visible tests and shows the results. */
async function runWith(page: Page, code: string): Promise<void> {
  await editorReady(page);
  await showPane(page, 'code');
  await setEditableFile(page, EDITABLE, code);
  await page.getByTestId('run-tests').click();
  await showPane(page, 'results');
  await page.locator('[data-testid="results"][data-running="false"] [data-testid="verdict"]').waitFor({ timeout: 30_000 });
}

async function send(page: Page, command: string): Promise<void> {
  await page.getByTestId(`pg-cmd-${command}`).click();
  await page.getByTestId('pg-send').click();
  await page.getByTestId('pg-outcome').waitFor({ timeout: 20_000 });
}

const SHOTS: Shot[] = [
  { name: 'lesson', hash: '#/lesson', ready: async (page) => void (await page.locator('.code-block[data-highlighted="true"]').first().waitFor({ timeout: 20_000 })) },
  { name: 'quiz', hash: '#/quiz', ready: h1 },
  { name: 'course-map', hash: '#/exercises', ready: async (page) => void (await page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 20_000 })) },
  {
    name: 'workspace-failing-run',
    hash: '#/exercises/orders-lifecycle',
    ready: (page) => runWith(page, STARTER),
  },
  {
    name: 'workspace-build-error',
    hash: '#/exercises/orders-lifecycle',
    ready: (page) => runWith(page, exercise.solution[EDITABLE]!.replace('pay(', 'pay((')),
  },
  {
    name: 'hand-in',
    hash: '#/exercises/orders-lifecycle',
    ready: async (page) => {
      await runWith(page, exercise.solution[EDITABLE]!);
      await page.getByTestId('handin-button').click();
      await page.getByRole('dialog').locator('[data-testid="handin-contents"] dl').waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'playground-store',
    hash: '#/playground',
    ready: async (page) => {
      await page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
      await send(page, 'CreateOrder');
      await send(page, 'PayOrder');
    },
  },
  {
    name: 'playground-broker',
    hash: '#/playground',
    ready: async (page) => {
      await page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('pg-tab-broker').click();
    },
  },
  {
    name: 'playground-saga',
    hash: '#/playground',
    ready: async (page) => {
      await page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('pg-tab-saga').click();
      await page.getByTestId('pg-saga-fail').selectOption('takePayment');
      await page.getByTestId('pg-saga-run').click();
      await page.getByTestId('pg-saga-run-card').first().waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'instructor-graded-class',
    hash: '#/instructor',
    ready: async (page) => {
      await page.getByTestId('grading-start').waitFor({ timeout: 20_000 });
      if (await page.getByTestId('grading-history-row').count()) {
        await page.getByTestId('grading-history-open').first().click();
      } else {
        await page.getByTestId('grading-input').fill(classDir);
        await page.getByTestId('grading-out').fill(reportsDir);
        await page.getByTestId('grading-start').click();
      }
      await page.getByTestId('grading-summary').waitFor({ timeout: 180_000 });
      await page.getByTestId('grading-summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'instructor-student',
    hash: '#/instructor',
    ready: async (page) => {
      await page.getByTestId('grading-history-row').first().waitFor({ timeout: 20_000 });
      await page.getByTestId('grading-history-open').first().click();
      await page.getByTestId('grading-tab-students').click();
      await page.getByTestId('grading-student-row').filter({ hasText: 's02-partial' }).filter({ hasText: 'orders-lifecycle' }).getByRole('button').click();
      await page.getByTestId('grading-student-detail').waitFor({ timeout: 20_000 });
    },
  },
  { name: 'glossary', hash: '#/glossary', ready: h1 },
];

async function shoot(page: Page, lang: Lang, index: number, name: string): Promise<void> {
  // Fonts and the last paint settle before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.screenshot({ path: path.join(OUT, `${lang}-${String(index).padStart(2, '0')}-${name}.png`) });
}

describe('page tour at 1024×700', () => {
  it('the profile picker of a fresh machine', async () => {
    fs.mkdirSync(OUT, { recursive: true });
    for (const lang of Object.keys(LOCALES) as Lang[]) {
      const app = await openApp(e2e.browser, e2e.host, { locale: LOCALES[lang], viewport: { width: 1024, height: 700 } });
      await app.page.getByTestId('profile-form').waitFor({ timeout: 20_000 });
      await shoot(app.page, lang, 0, 'profile-picker');
      await app.close();
    }
    await useProfile(e2e.host.url, 'Аня');
  }, 120_000);

  for (const lang of Object.keys(LOCALES) as Lang[]) {
    it(`every page in ${lang}`, async () => {
      for (const [i, shot] of SHOTS.entries()) {
        const app = await openApp(e2e.browser, e2e.host, { locale: LOCALES[lang], hash: shot.hash, viewport: { width: 1024, height: 700 } });
        await shot.ready(app.page, lang);
        await shoot(app.page, lang, i + 1, shot.name);
        await app.close();
      }
    }, 600_000);
  }
});

// A Russian class never meets English (#15 item 7): every page a student or an instructor reaches, in
// the Russian UI, in the states they reach (a failing run with every suite and test opened, a build
// error, the run history, a quiz in progress and a reviewed attempt, the hand-in dialog, each playground
// view with orders in it, a graded class with a student opened, the profile picker of a fresh machine),
// and every visible text node (and placeholder, title, aria-label) must hold no English prose. Code is
// not prose: text inside code, pre, kbd and the editor, identifiers (OrderPaid, INVALID_STATE,
// orders-lifecycle, pay()), file names and the few product names and units of ALLOWED are set aside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callHost, openApp, ROOT, startHost, useHostAndBrowser } from './support';
import { readExercisePackage, setEditableFile } from './support/exerciseWorkspace';
import { exerciseFiles, makeSubmission } from '../integration/grading/fixtureClass';
import { serializeSubmission, submissionFileName, type Submission } from '../../electron/engine/grading';

/**
 * Latin words a Russian page may show on their own, each for a reason: product and technology names
 * (the course names them as they are), the keys printed on a keyboard, format and unit abbreviations.
 */
const ALLOWED = new Set([
  // product and technology names
  'Replayground', 'Kafka', 'Apache', 'Pulsar', 'Amazon', 'Kinesis', 'Event', 'Sourcing', 'Electron', 'Chromium', 'Node', 'Excel', 'LibreOffice', 'TypeScript', 'SQLite', 'Python', 'Java', 'Go', 'NET',
  'kafkajs', 'kcat', 'aiokafka', 'librdkafka', 'murmur2',
  // keys
  'Alt', 'Ctrl', 'Tab', 'Enter', 'Shift', 'Esc', 'macOS',
  // formats, protocols and units
  'JSON', 'HTTP', 'CSV', 'HTML', 'ID', 'id', 'ms', 'MB', 'KB', 'px',
]);

/**
 * Names of several words, set aside whole: a product, the expansion of an acronym the lesson explains,
 * the authors in the lesson's reading list, the given/when/then pattern that the exercises' tests use.
 */
const NAMES = ['Amazon Kinesis Data Streams', 'Command Query Responsibility Segregation', 'Martin Fowler', 'Greg Young', 'Hector Garcia-Molina', 'Kenneth Salem', 'given, when, then'];

/**
 * English words that never name code: a Russian sentence holding one of them has English left in it
 * ("читатель 1 joined"), while a lone identifier (pay, outbox, heartbeat) in Russian text is fine.
 */
const ENGLISH_ONLY = new Set([
  'the', 'an', 'of', 'to', 'in', 'on', 'at', 'is', 'are', 'was', 'were', 'be', 'been', 'and', 'or', 'not', 'no', 'yes', 'with', 'without', 'for', 'from', 'by', 'this', 'that', 'it', 'its',
  'joined', 'left', 'started', 'finished', 'failed', 'passed', 'done', 'error', 'errors', 'warning', 'expected', 'received', 'threw', 'unknown', 'missing', 'invalid', 'because', 'but',
]);

/** Code-shaped tokens set aside: file names, calls, dashed or dotted ids, camelCase, PascalCase, CODES. */
function withoutCode(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/(?:[\w.-]+\/)*[\w.-]+\.(?:ts|tsx|js|json|md|html|csv|sqlite|png|patch)\b/g, ' ')
    .replace(/\b[\w$]+(?:\.[\w$]+)*\([^()]*\)/g, ' ')
    .replace(/\b\w+(?:[-_/:.#=]\w+)+\b/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
    .replace(/\b[A-Z][a-z0-9]*[A-Z]\w*\b/g, ' ')
    .replace(/\b[A-Z0-9]{2,}\b/g, ' ');
}

/**
 * Why a text a Russian reader sees is English prose, or null: a text with no Russian in it and an
 * English word left once code is set aside ("Run tests", "compensated"); in Russian text, a run of two
 * or more English words outside parentheses (a term given in brackets is a gloss: «журнал (log)»), or
 * an English word that never names code ("поколение 2 (читатель 1 joined)").
 */
function englishProse(text: string): string | null {
  const rest = withoutCode(NAMES.reduce((t, name) => t.split(name).join(' '), text));
  const words = (s: string) => (s.match(/\b[A-Za-z]{2,}\b/g) ?? []).filter((w) => !ALLOWED.has(w));
  if (!/[а-яё]/i.test(text)) return words(rest).length ? `no Russian: ${words(rest).join(' ')}` : null;
  // English terms in brackets after their Russian names are glosses («журнал (log)», «(load shedding — …)»);
  // an English word that never names code is a leftover even there, unless the brackets hold no Russian.
  const outsideBrackets = rest.replace(/\([^()]*\)/g, ' ');
  const outsideGlosses = rest.replace(/\([^()а-яё]*\)/gi, ' ');
  const run = outsideBrackets.match(/\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,})+\b/g)?.find((r) => words(r).length >= 2);
  if (run) return `English words in a row: ${run}`;
  const stray = words(outsideGlosses).filter((w) => ENGLISH_ONLY.has(w.toLowerCase()));
  return stray.length ? `English words: ${stray.join(' ')}` : null;
}

interface Found {
  text: string;
  where: string;
}

/**
 * Every text a reader sees on the page now: the text of each block (a paragraph, a cell, a button, a
 * list item; code inside it left out), and placeholders, titles and labels. Quotations of English
 * works (<cite>, <em> titles in a reading list) and text marked lang="en" (a glossary entry's English
 * name) are English on purpose and left out.
 */
async function visibleTexts(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const CODE = 'code, pre, kbd, samp, script, style, textarea, .monaco-editor, .code-block, .ex-json, cite, em, [lang]:not([lang^="ru"])';
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const id = e.getAttribute('data-testid');
        parts.unshift(id ? `[${id}]` : e.tagName.toLowerCase() + (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
      }
      return parts.join(' > ');
    };
    /** The nearest ancestor that is not inline: the block a sentence lives in. */
    const blockOf = (el: Element): Element => {
      let e = el;
      while (e.parentElement && getComputedStyle(e).display === 'inline') e = e.parentElement;
      return e;
    };
    const blocks = new Map<Element, string[]>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || !(node.textContent ?? '').trim()) continue;
      if (el.closest(CODE)) {
        // Code inside a sentence still separates its words: "вызовите pay() и ship()".
        const block = blockOf(el);
        if (blocks.has(block)) blocks.get(block)!.push(' ');
        continue;
      }
      if (!shown(el)) continue;
      const block = blockOf(el);
      if (!blocks.has(block)) blocks.set(block, []);
      blocks.get(block)!.push(node.textContent ?? '');
    }
    const out: Array<{ text: string; where: string }> = [];
    for (const [block, parts] of blocks) {
      const text = parts.join('').replace(/\s+/g, ' ').trim();
      if (text) out.push({ text, where: where(block) });
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (el.closest(CODE) || !shown(el)) continue;
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push({ text: value, where: `${where(el)} @${attr}` });
      }
    }
    return out;
  });
}

/** The English prose on the page, one line per text: why, what it says, and where. */
async function englishOnPage(page: Page, state: string): Promise<string[]> {
  const lines = new Set<string>();
  const texts = await visibleTexts(page);
  // SWEEP_DUMP=<file>: every text looked at, one JSON line per state (to see what the checker saw).
  if (process.env.SWEEP_DUMP) fs.appendFileSync(process.env.SWEEP_DUMP, `${JSON.stringify({ state, texts })}\n`);
  for (const { text, where } of texts) {
    const why = englishProse(text);
    if (why) lines.add(`${state}: ${why} in ${JSON.stringify(text.slice(0, 160))} at ${where}`);
  }
  return [...lines];
}

const exercise = readExercisePackage('orders-lifecycle');
const EDITABLE = exercise.editable[0]!;
const STARTER = fs.readFileSync(path.join(ROOT, 'exercises/orders-lifecycle/starter', EDITABLE), 'utf8');

/** A small class to grade: a full score, a known mistake, a build error, a damaged file, an unknown exercise. */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-e2e-sweep-'));
const classDir = path.join(work, 'class');
function buildSmallClass(): void {
  fs.mkdirSync(classDir, { recursive: true });
  const write = (s: Submission) => fs.writeFileSync(path.join(classDir, submissionFileName(s.student.id, s.exercise.id, s.createdAt)), serializeSubmission(s));
  write(makeSubmission('s01-correct', exerciseFiles('orders-lifecycle', 'solution'), { name: 'Ада Лавлейс' }));
  write(makeSubmission('s02-partial', exerciseFiles('orders-lifecycle', 'mutants/no-state-check'), { name: 'Борис Петров' }));
  write(makeSubmission('s03-compile', `${STARTER}\nexport const broken = ;\n`, { name: 'Вера Смирнова' }));
  write(makeSubmission('s04-other', exerciseFiles('orders-lifecycle', 'solution'), { name: 'Глеб Орлов', exerciseId: 'inventory-basics' }));
  fs.writeFileSync(path.join(classDir, 's05-malformed.replayground.json'), '{"format": "replayground-submission", "student": ');
}

const e2e = useHostAndBrowser({ setup: buildSmallClass, timeout: 60_000 });

const editorReady = (page: Page) => page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 30_000 });
const h1 = (page: Page) => page.locator('#main h1').first().waitFor({ timeout: 20_000 });

/** Opens every closed suite and test of the results, so every message is on screen. */
async function openEverything(page: Page): Promise<void> {
  for (const selector of ['[data-testid="results"] .ex-suite-toggle[aria-expanded="false"]', '[data-testid="test-result"] button[aria-expanded="false"]']) {
    const closed = page.locator(selector);
    while ((await closed.count()) > 0) await closed.first().click();
  }
}

async function runWith(page: Page, code: string): Promise<void> {
  await editorReady(page);
  await setEditableFile(page, EDITABLE, code);
  await page.getByTestId('run-tests').click();
  await page.locator('[data-testid="results"][data-running="false"] [data-testid="verdict"]').waitFor({ timeout: 30_000 });
}

async function send(page: Page, command: string): Promise<void> {
  await page.getByTestId(`pg-cmd-${command}`).click();
  await page.getByTestId('pg-send').click();
  await page.getByTestId('pg-outcome').waitFor({ timeout: 20_000 });
}

/** A page in the Russian UI, brought into a state; returns what English it shows (one entry per state looked at). */
type Visit = (page: Page, look: (state: string) => Promise<void>) => Promise<void>;

const VISITS: Array<{ name: string; hash: string; visit: Visit }> = [
  { name: 'course map', hash: '#/exercises', visit: async (page, look) => {
    await page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await look('course map');
  } },
  { name: 'lesson', hash: '#/lesson', visit: async (page, look) => {
    await page.locator('.code-block[data-highlighted="true"]').first().waitFor({ timeout: 20_000 });
    await look('lesson');
  } },
  { name: 'quiz', hash: '#/quiz', visit: async (page, look) => {
    await page.locator('[data-testid=quiz-start], [data-testid=quiz-resumed]').first().waitFor({ timeout: 20_000 });
    await look('quiz start');
    if (await page.getByTestId('quiz-start').count()) await page.getByTestId('quiz-start').click();
    await page.getByTestId('quiz-mode-one').check();
    await look('quiz, one question at a time');
    await page.getByTestId('quiz-finish-now').click();
    await page.getByTestId('quiz-finish-warning').waitFor({ timeout: 10_000 });
    await look('quiz, the warning before finishing');
  } },
  { name: 'quiz review', hash: '#/quiz/04-event-driven', visit: async (page, look) => {
    await page.evaluate(() =>
      fetch('/api/quiz.submit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lessonId: '04-event-driven', lang: 'ru', seed: 3, answers: [] }) }),
    );
    await page.reload();
    await page.getByTestId('quiz-attempt-review').first().click();
    await page.getByTestId('quiz-review').waitFor({ timeout: 20_000 });
    await look('quiz, a past attempt reviewed');
  } },
  { name: 'workspace: a failing run', hash: '#/exercises/orders-lifecycle', visit: async (page, look) => {
    await runWith(page, STARTER);
    await openEverything(page);
    await look('workspace, the starter run with every suite and test opened');
    await page.getByTestId('panel-history').click();
    await page.getByTestId('history').waitFor({ timeout: 10_000 });
    await look('workspace, the run history');
  } },
  { name: 'workspace: a build error', hash: '#/exercises/orders-lifecycle', visit: async (page, look) => {
    await runWith(page, exercise.solution[EDITABLE]!.replace('pay(', 'pay(('));
    await look('workspace, a build error');
  } },
  { name: 'hand-in dialog', hash: '#/exercises/orders-lifecycle', visit: async (page, look) => {
    await editorReady(page);
    await page.getByTestId('handin-button').click();
    await page.getByRole('dialog').locator('[data-testid="handin-contents"] dl').waitFor({ timeout: 20_000 });
    await look('hand-in dialog');
  } },
  { name: 'playground', hash: '#/playground', visit: async (page, look) => {
    await page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
    await send(page, 'CreateOrder');
    await send(page, 'PayOrder');
    for (const tab of ['store', 'broker', 'readModel', 'faults', 'saga', 'bank']) {
      await page.getByTestId(`pg-tab-${tab}`).click();
      await page.locator('.pg-view').waitFor();
      if (tab === 'saga') {
        await page.getByTestId('pg-saga-fail').selectOption('takePayment');
        await page.getByTestId('pg-saga-run').click();
        await page.getByTestId('pg-saga-run-card').first().waitFor({ timeout: 20_000 });
        // "My saga" (the reference solution when there is no draft) in the sandbox, a step failing.
        await page.getByTestId('pg-saga-whose').selectOption('mine');
        await page.getByTestId('pg-saga-fail').selectOption('createShipment');
        await page.getByTestId('pg-saga-run').click();
        await page.locator('[data-testid="pg-saga-run-card"][data-source="solution"][data-status="compensated"]').first().waitFor({ timeout: 60_000 });
        // The orders the sagas made carry Russian sample data (product names, address, cancel reason).
        for (const run of await callHost<{ orderId: string }[]>(e2e.host.url, 'playground.sagaList')) {
          const stream = await callHost<{ events: { data: unknown }[] }>(e2e.host.url, 'playground.stream', { orderId: run.orderId });
          const data = JSON.stringify(stream.events.map((e) => e.data));
          expect(data).toContain('Клавиатура');
          expect(data).not.toMatch(/Keyboard|Harbour|failed/);
        }
      }
      await look(`playground, ${tab}`);
    }
  } },
  { name: 'instructor', hash: '#/instructor', visit: async (page, look) => {
    await page.getByTestId('grading-start').waitFor({ timeout: 20_000 });
    await look('instructor, before grading');
    await page.getByTestId('grading-input').fill(classDir);
    await page.getByTestId('grading-out').fill(path.join(work, 'reports'));
    await page.getByTestId('grading-start').click();
    await page.getByTestId('grading-summary').waitFor({ timeout: 180_000 });
    await look('instructor, a graded class: summary');
    await page.getByTestId('grading-tab-class').click();
    await look('instructor, the class table');
    await page.getByTestId('grading-tab-students').click();
    await page.getByTestId('grading-student-row').filter({ hasText: 's02-partial' }).getByRole('button').click();
    await page.getByTestId('grading-student-detail').waitFor({ timeout: 20_000 });
    await look('instructor, a student opened');
    // The reports the Russian page wrote: summary.html and each student's feedback, opened as files.
    const reports = path.join(work, 'reports');
    for (const file of ['summary.html', ...fs.readdirSync(path.join(reports, 'feedback')).filter((f) => f.endsWith('.html')).map((f) => `feedback/${f}`)]) {
      await page.goto(`file://${path.join(reports, file)}`);
      await look(`report ${file}`);
    }
  } },
  { name: 'glossary', hash: '#/glossary', visit: async (page, look) => {
    await h1(page);
    await look('glossary');
  } },
];

describe('a Russian class never meets English', () => {
  for (const { name, hash, visit } of VISITS) {
    it(`${name}: no English prose on screen`, async () => {
      const app = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU', colorScheme: 'dark', hash });
      const found: string[] = [];
      await visit(app.page, async (state) => void found.push(...(await englishOnPage(app.page, state))));
      expect(app.pageErrors).toEqual([]);
      await app.close();
      expect(found).toEqual([]);
    }, 300_000);
  }

  it('the profile picker of a fresh machine: no English prose on screen', async () => {
    const fresh = await startHost({ profile: false });
    try {
      const app = await openApp(e2e.browser, fresh, { locale: 'ru-RU', hash: '#/lesson' });
      await app.page.getByTestId('profile-form').waitFor({ timeout: 20_000 });
      const found = await englishOnPage(app.page, 'profile picker');
      await app.close();
      expect(found).toEqual([]);
    } finally {
      await fresh.stop();
    }
  }, 120_000);

  it('the checker itself: finds English prose and lets code, glosses, names and keys through', () => {
    for (const ok of ['Запустите тесты', 'OrderPaid, INVALID_STATE, orders-lifecycle, pay(), OrderAggregate.ts, 12 ms, Kafka', 'Оплата (pay)', 'сообщения — это журнал (log), а отставание (consumer lag) растёт', 'Ctrl+Enter (⌘+Enter на macOS)', 'Alt+1']) {
      expect(englishProse(ok), ok).toBeNull();
    }
    expect(englishProse('Run tests')).toMatch(/no Russian/);
    expect(englishProse('compensated')).toMatch(/no Russian/);
    expect(englishProse('ожидалось: not implemented yet')).toMatch(/in a row/);
    expect(englishProse('поколение 2 (читатель 1 joined)')).toMatch(/joined/);
    expect(englishProse('Ровно один раз (exactly-once in effect)')).toBeNull();
  });
});

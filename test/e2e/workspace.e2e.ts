// The exercise workspace end to end, in Chromium against the real web host: the reference solution
// passes, the starter fails with actionable messages, a syntax error gets a marker on its line,
// autosave survives a reload, and an endless loop times out while the app stays responsive.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, ROOT, type AppPage, useHostAndBrowser } from './support';
import { openExercise, runVisibleTests } from './support/exerciseWorkspace';

const EXERCISE = 'orders-lifecycle';
const dir = path.join(ROOT, 'exercises', EXERCISE);
const solution = fs.readFileSync(path.join(dir, 'solution/OrderAggregate.ts'), 'utf8');
const starter = fs.readFileSync(path.join(dir, 'starter/OrderAggregate.ts'), 'utf8');

const e2e = useHostAndBrowser();

function openWorkspace(options: { locale?: 'en-US' | 'ru-RU' } = {}): Promise<AppPage> {
  return openExercise(e2e.browser, e2e.host, EXERCISE, options);
}

/** Replaces the editable file's content the way a paste would (the editor model, not the DOM). */
async function setCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('tab-OrderAggregate.ts').click();
  await page.evaluate((text) => window.__replaygroundEditor!.getModel()!.setValue(text), code);
}

function suite(page: Page, id: string) {
  return page.locator(`[data-testid="suite"][data-suite="${id}"]`);
}

describe('exercise workspace', () => {
  it('shows every file as a tab, the editable one editable and the others read-only, and no hidden test', async () => {
    const app = await openWorkspace();
    const { page } = app;
    expect(await page.getByTestId('tab-OrderAggregate.ts').getAttribute('data-readonly')).toBe('false');
    for (const f of ['events.ts', 'commands.ts', 'errors.ts', 'clock.ts']) {
      expect(await page.getByTestId(`tab-${f}`).getAttribute('data-readonly')).toBe('true');
    }
    expect(await page.locator('[data-testid^="tab-tests/hidden"]').count()).toBe(0);
    await page.getByTestId('tab-events.ts').click();
    await expect.poll(() => page.getByTestId('code-editor').getAttribute('data-readonly')).toBe('true');
    await expect.poll(() => page.evaluate(() => window.__replaygroundEditor!.getModel()!.uri.path)).toBe(`/${EXERCISE}/events.ts`);
    // The task follows the UI language; the code stays as it is.
    const code = await page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue());
    await page.getByTestId('language-select').selectOption('ru');
    await expect.poll(() => page.locator('.ex-title').textContent()).toBe('Жизненный цикл заказа');
    await expect.poll(() => page.getByTestId('run-tests').textContent()).toContain('Запустить тесты');
    expect(await page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue())).toBe(code);
    await page.getByTestId('language-select').selectOption('en');
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('a late answer to opening the exercise again does not take the student off the file they opened or undo their typing', async () => {
    const app = await openWorkspace();
    const { page } = app;
    // Leave the page and come back while the engine's answer is held: the workspace still shows the
    // exercise, so the student can open a tab and type before the answer arrives.
    let release!: () => void;
    const answer = new Promise<void>((resolve) => (release = resolve));
    let heldOne = false;
    await page.route('**/api/exercises.get', async (route) => {
      heldOne = true;
      await answer;
      await route.continue();
    });
    await page.evaluate(() => (window.location.hash = '#/glossary'));
    await page.locator('[data-testid="code-editor"]').waitFor({ state: 'detached' });
    await page.evaluate((id) => (window.location.hash = `#/exercises/${id}`), EXERCISE);
    await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => heldOne).toBe(true);
    await page.evaluate(() => {
      const model = window.__replaygroundEditor!.getModel()!;
      model.setValue(model.getValue() + '\n// typed while the answer was on its way\n');
    });
    await page.getByTestId('tab-events.ts').click();
    await page.locator('[data-testid="code-editor"][data-file="events.ts"]').waitFor();
    const answered = page.waitForResponse('**/api/exercises.get');
    release();
    await answered;
    await expect.poll(() => page.locator('.ex-title').textContent()).toBe('The order lifecycle');
    expect(await page.getByTestId('code-editor').getAttribute('data-file')).toBe('events.ts');
    await page.getByTestId('tab-OrderAggregate.ts').click();
    await expect.poll(() => page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue())).toContain('typed while the answer was on its way');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it("when the editor's code fails to load, the page says so and its retry loads it", async () => {
    const app = await openApp(e2e.browser, e2e.host, { hash: `#/exercises/${EXERCISE}`, prepare: async (context) => void (await context.route(/\/assets\/CodeEditor-[^/]*\.js$/, (route) => route.abort())) });
    const { page } = app;
    await page.locator('.page-error').waitFor({ timeout: 20_000 });
    await app.context.unrouteAll();
    await page.locator('.page-error button').click();
    await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
    await app.close();
  });

  it('IntelliSense knows the exercise types: hover OrderPaid, complete this.', async () => {
    const app = await openWorkspace();
    const { page } = app;
    const lines = starter.split('\n');
    const payLine = lines.findIndex((l) => l.includes("throw new Error('not implemented')")) + 1;
    lines[payLine - 1] = '    const e: OrderPaid | null = null; this.';
    // The student imports the event type, as their own code would.
    await setCode(page, "import type { OrderPaid } from './events';\n" + lines.join('\n'));
    const line = payLine + 1;
    const col = lines[payLine - 1].indexOf('OrderPaid') + 3;
    await page.evaluate(([line, column]) => {
      const ed = window.__replaygroundEditor!;
      ed.setPosition({ lineNumber: line, column });
      ed.focus();
      ed.trigger('test', 'editor.action.showHover', {});
    }, [line, col]);
    // The TypeScript worker needs a moment on a cold start; the hover is asked again until it answers.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.__replaygroundEditor!.trigger('test', 'editor.action.showHover', {}));
        return (await page.locator('.monaco-hover:not(.hidden)').allTextContents()).join(' ');
      }, { timeout: 20_000, interval: 1000 })
      .toMatch(/interface OrderPaid/);
    await page.keyboard.press('Escape');
    await page.evaluate((line) => {
      const ed = window.__replaygroundEditor!;
      ed.setPosition({ lineNumber: line, column: ed.getModel()!.getLineMaxColumn(line) });
      ed.focus();
      ed.trigger('test', 'editor.action.triggerSuggest', {});
    }, line);
    await expect.poll(() => page.locator('.suggest-widget').allTextContents().then((t) => t.join(' '))).toMatch(/addItem[\s\S]*apply|apply[\s\S]*addItem/);
    await app.close();
  });

  it('the reference solution passes every visible test and the page says so', async () => {
    const app = await openWorkspace();
    const { page } = app;
    await setCode(page, solution);
    expect(await runVisibleTests(page)).toBe('pass');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/All \d+ visible tests pass/);
    const suites = page.getByTestId('suite');
    expect(await suites.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="suite"]:not([data-status="pass"])').count()).toBe(0);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('the starter fails the tests of pay, ship, deliver and cancel with messages a student can act on', async () => {
    const app = await openWorkspace();
    const { page } = app;
    await setCode(page, starter);
    expect(await runVisibleTests(page)).toBe('fail');
    for (const id of ['pay', 'ship', 'deliver', 'cancel']) {
      expect(await suite(page, id).getAttribute('data-status')).not.toBe('pass');
    }
    // The first failures are open: a message naming the expected event and what happened instead,
    // the given events, the command, and expected vs actual events side by side.
    const first = suite(page, 'pay').locator('[data-testid="test-result"][data-status="fail"]').first();
    const message = (await first.getByTestId('test-message').textContent()) ?? '';
    expect(message).toMatch(/OrderPaid/);
    expect(message).toMatch(/not implemented/);
    await expect.poll(() => first.getByTestId('gwt').textContent()).toMatch(/OrderCreated/);
    expect(await first.locator('.ex-diff').count()).toBe(1);
    // A failing test links to its line in the (read-only) test file.
    await first.getByTestId('open-test-line').click();
    await expect.poll(() => page.getByTestId('code-editor').getAttribute('data-file')).toBe('tests/visible/pay.test.ts');
    expect(await page.getByTestId('code-editor').getAttribute('data-readonly')).toBe('true');
    const line = await page.evaluate(() => window.__replaygroundEditor!.getPosition()!.lineNumber);
    expect(line).toBeGreaterThan(1);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('a syntax error gets a marker at its line, in the editor and in the results', async () => {
    const app = await openWorkspace();
    const { page } = app;
    const lines = starter.split('\n');
    const badLine = lines.findIndex((l) => l.includes("throw new Error('not implemented')")) + 1;
    lines[badLine - 1] = '    const broken = ;';
    await setCode(page, lines.join('\n'));
    expect(await runVisibleTests(page)).toBe('error');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain(`line ${badLine}`);
    const markerLines = await page.evaluate(() => {
      const m = window.__replaygroundMonaco!;
      const uri = window.__replaygroundEditor!.getModel()!.uri;
      return m.editor.getModelMarkers({ resource: uri }).filter((x) => x.severity === m.MarkerSeverity.Error).map((x) => [x.owner, x.startLineNumber]);
    });
    expect(markerLines).toContainEqual(['runner', badLine]);
    await app.close();
  });

  it('autosave keeps the typed code and the cursor across a reload', async () => {
    const app = await openWorkspace();
    const { page } = app;
    await setCode(page, starter);
    await page.evaluate(() => {
      const ed = window.__replaygroundEditor!;
      ed.setPosition({ lineNumber: 3, column: 1 });
      ed.focus();
    });
    await page.keyboard.type('// autosaved line\n');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    await page.reload();
    await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
    const state = await page.evaluate(() => {
      const ed = window.__replaygroundEditor!;
      return { line3: ed.getModel()!.getLineContent(3), pos: ed.getPosition() };
    });
    expect(state.line3).toBe('// autosaved line');
    expect(state.pos).toEqual({ lineNumber: 4, column: 1 });
    await app.close();
  });

  it('reset asks first; a past run opens read-only and can be restored; hints open one at a time and stay open', async () => {
    const app = await openWorkspace();
    const { page } = app;
    const editorText = () => page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue());
    await setCode(page, solution);
    expect(await runVisibleTests(page)).toBe('pass');
    await setCode(page, starter + '\n// my later edit\n');

    await page.getByTestId('reset').click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Cancel' }).click();
    expect(await editorText()).toContain('my later edit');
    await page.getByTestId('reset').click();
    await page.locator('dialog[open] [data-testid="confirm-ok"]').click();
    await expect.poll(editorText).toBe(starter);

    await page.getByTestId('panel-history').click();
    await page.getByTestId('history-view').first().click();
    await page.getByTestId('viewing-run').waitFor();
    await expect.poll(editorText).toBe(solution);
    expect(await page.getByTestId('code-editor').getAttribute('data-readonly')).toBe('true');
    await page.getByTestId('viewing-restore').click();
    await page.locator('dialog[open] [data-testid="confirm-ok"]').click();
    await expect.poll(() => page.getByTestId('viewing-run').count()).toBe(0);
    await expect.poll(editorText).toBe(solution);
    expect(await page.getByTestId('code-editor').getAttribute('data-readonly')).toBe('false');

    const hints = page.getByTestId('hint');
    const before = await hints.count();
    await page.getByTestId('unlock-hint').click();
    await expect.poll(() => hints.count()).toBe(before + 1);
    await page.reload();
    await page.getByTestId('task-panel').waitFor();
    await expect.poll(() => page.getByTestId('hint').count()).toBe(before + 1);
    await expect.poll(() => page.evaluate(() => window.__replaygroundEditor?.getModel()?.getValue())).toBe(solution);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('an endless loop in pay ends with a timeout within the limit, and the app stays responsive', async () => {
    const app = await openWorkspace();
    const { page } = app;
    const hostile = starter.replace('pay(command: PayOrder): void {', 'pay(command: PayOrder): void {\n    while (true) {}');
    expect(hostile).not.toBe(starter);
    await setCode(page, hostile);
    await page.getByTestId('run-tests').click();
    await page.getByTestId('running').waitFor();
    // While the sandbox spins, another page opens at once: the exercise list, whose data comes from
    // the engine, so the engine answers too.
    await page.locator('.ex-back').click();
    await page.getByTestId('exercise-card').first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/exercises/${id}`), EXERCISE);
    await page.locator('[data-testid="results"][data-running="false"] [data-testid="verdict"]').waitFor({ timeout: 30_000 });
    const text = (await page.getByTestId('results').textContent()) ?? '';
    expect(text).toMatch(/too long|time/i);
    await app.close();
  });
});

// Helpers for e2e tests that drive one exercise in the workspace: open it, put code into its
// editable files (through the editor model, as a paste would), run the visible tests, and read
// the verdict. Shared by the e2e files that open exercises.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openApp, ROOT, type AppPage, type RunningHost } from './app';

export interface ExercisePackage {
  id: string;
  editable: string[];
  /** Editable file name → the reference solution's content. */
  solution: Record<string, string>;
}

/** Reads what the e2e needs from exercises/<id>/ (the manifest's editable files and their solution). */
export function readExercisePackage(id: string): ExercisePackage {
  const dir = path.join(ROOT, 'exercises', id);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'exercise.json'), 'utf8')) as { editable: string[] };
  const solution: Record<string, string> = {};
  for (const name of manifest.editable) solution[name] = fs.readFileSync(path.join(dir, 'solution', name), 'utf8');
  return { id, editable: manifest.editable, solution };
}

/** Opens the exercise's workspace and waits until the editor is ready. */
export async function openExercise(
  browser: Browser,
  host: RunningHost,
  id: string,
  options: { locale?: 'en-US' | 'ru-RU' } = {},
): Promise<AppPage> {
  const app = await openApp(browser, host, { locale: options.locale ?? 'en-US', hash: `#/exercises/${id}` });
  await app.page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
  return app;
}

/** The editor hook the workspace puts on window (renderer/src/features/exercises/editor/CodeEditor.tsx). */
interface EditorHook {
  __replaygroundEditor?: { getModel(): { setValue(text: string): void } | null };
}

/** Replaces one editable file's content through the editor model (the way a paste would). */
export async function setEditableFile(page: Page, name: string, code: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.locator(`[data-testid="code-editor"][data-file="${name}"]`).waitFor({ timeout: 10_000 });
  await page.evaluate((text) => (window as unknown as EditorHook).__replaygroundEditor!.getModel()!.setValue(text), code);
}

/** Clicks "Run tests" and waits for the verdict; returns its data-verdict (pass, fail, error). */
export async function runVisibleTests(page: Page): Promise<string> {
  await page.getByTestId('run-tests').click();
  await page.locator('[data-testid="results"][data-running="false"] [data-testid="verdict"]').waitFor({ timeout: 30_000 });
  return (await page.getByTestId('verdict').getAttribute('data-verdict')) ?? '';
}

/**
 * Whether the code in the editor has the keyboard. Not "focus is somewhere in the editor": Monaco's
 * sticky-scroll headers are in the Tab order too, so a Tab that leaves the code may land on one when
 * the view is scrolled, and that is not the code.
 */
export function codeHasKeyboard(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.activeElement?.closest('[data-testid="code-editor"] .monaco-editor') && !document.activeElement.closest('.sticky-widget'));
}

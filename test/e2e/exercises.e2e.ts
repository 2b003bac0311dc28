// Every exercise of the course end to end, in Chromium against the real web host: the workspace opens,
// the reference solution goes into the editable files, and every visible suite passes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useHostAndBrowser } from './support';
import { openExercise, readExercisePackage, runVisibleTests, setEditableFile } from './support/exerciseWorkspace';

// orders-lifecycle has its own, fuller suite in workspace.e2e.ts.
const ids = fs
  .readdirSync(path.join(ROOT, 'exercises'))
  .filter((id) => id !== 'orders-lifecycle' && fs.existsSync(path.join(ROOT, 'exercises', id, 'exercise.json')))
  .sort();

function visibleSuiteCount(id: string): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'exercises', id, 'exercise.json'), 'utf8')) as {
    suites: { visibility: string }[];
  };
  return manifest.suites.filter((s) => s.visibility === 'visible').length;
}

const e2e = useHostAndBrowser();

describe.each(ids)('%s in the workspace', (id) => {
  it('the reference solution passes every visible test', async () => {
    const exercise = readExercisePackage(id);
    const app = await openExercise(e2e.browser, e2e.host, id);
    const { page } = app;
    for (const name of exercise.editable) {
      expect(await page.getByTestId(`tab-${name}`).getAttribute('data-readonly')).toBe('false');
      await setEditableFile(page, name, exercise.solution[name]!);
    }
    expect(await runVisibleTests(page)).toBe('pass');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/All \d+ visible tests pass/);
    expect(await page.getByTestId('suite').count()).toBe(visibleSuiteCount(id));
    expect(await page.locator('[data-testid="suite"]:not([data-status="pass"])').count()).toBe(0);
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});

// `npm run run-tests`: results as text or JSON, exit 0 whatever the tests say, 1 when the runner
// cannot run, 2 for bad arguments.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunResult } from '../../../electron/engine/runner';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures/exercises');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/runTests.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('run-tests CLI', () => {
  it('prints results.json with --json and exits 0 for passing and failing code alike', () => {
    const pass = cli('--exercise', 'counter', '--dir', path.join(fixtures, 'counter/solution'), '--exercises', fixtures, '--hidden', '--json');
    expect(pass.code).toBe(0);
    const result = RunResult.parse(JSON.parse(pass.stdout));
    expect(result.status).toBe('pass');
    expect(result.tests.some((t) => t.visibility === 'hidden')).toBe(true);

    const fail = cli('--exercise', 'counter', '--dir', path.join(fixtures, 'counter/starter'), '--exercises', fixtures);
    expect(fail.code).toBe(0);
    expect(fail.stdout).toMatch(/✗ Counter > increments by one/);
    expect(fail.stdout).toMatch(/FAIL: 1\/5 tests passed/);
  });

  it('exits 1 when the runner cannot run and 2 for bad arguments', () => {
    expect(cli('--exercise', 'no-such-exercise', '--dir', fixtures, '--exercises', fixtures).code).toBe(1);
    const bad = cli('--dir', fixtures);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--exercise <id> is required');
  });
});

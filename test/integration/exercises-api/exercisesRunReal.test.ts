// exercises.run through the real sandboxed runner: the reference solution passes every visible test,
// the run is recorded, and nothing about hidden suites comes back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';

const ID = 'orders-lifecycle';
const root = projectRoot();
const solution = fs.readFileSync(path.join(root, 'exercises', ID, 'solution/OrderAggregate.ts'), 'utf8');
let engine: Engine;
let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-ex-run-'));
  engine = createEngine({ dataDir, shell: 'test', resourcesDir: root });
});
afterAll(async () => {
  await engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('exercises.run with the sandboxed runner', () => {
  it('passes the reference solution on the visible suites and records the run', async () => {
    const r = await engine.dispatch('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': solution } });
    if (!r.ok) throw new Error(r.error.message);
    const { run, results } = r.value as { run: { id: number; allPassed: boolean; total: number }; results: { status: string; tests: { visibility: string }[]; suites: { visibility: string }[] } };
    expect(results.status).toBe('pass');
    expect(run.allPassed).toBe(true);
    expect(run.total).toBeGreaterThan(10);
    expect(results.tests.every((t) => t.visibility === 'visible')).toBe(true);
    expect(JSON.stringify(results)).not.toContain('tests/hidden');
    const list = await engine.dispatch('runs.list', { exerciseId: ID });
    expect(list.ok && (list.value as { runs: { id: number }[] }).runs[0].id).toBe(run.id);
  }, 60_000);
});

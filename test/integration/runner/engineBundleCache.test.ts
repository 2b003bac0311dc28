// The app's runner keeps its built test bundles in the data folder (api/engineRunner.ts): an engine
// started again on the same folder finds them there, and an entry damaged or forged in that folder is
// built again, never used (the tag's key is not in the data folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';
import { RunResult } from '../../../electron/engine/runner';

const root = projectRoot();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-engine-bundle-cache-'));
const dataDir = path.join(work, 'data');
const cacheDir = path.join(dataDir, 'cache', 'test-bundles');
const engines: Engine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  fs.rmSync(work, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(root, 'exercises/orders-lifecycle', file), 'utf8');
const solution = read('solution/OrderAggregate.ts');
const starter = read('starter/OrderAggregate.ts');
const entries = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bundle')) : []);

async function runTests(source: string): Promise<RunResult> {
  const engine = createEngine({ dataDir, shell: 'test', resourcesDir: root });
  engines.push(engine);
  const res = await engine.dispatch('runner.run', { exerciseId: 'orders-lifecycle', files: { 'OrderAggregate.ts': source } });
  if (!res.ok) throw new Error(res.error.message);
  return RunResult.parse(res.value);
}

describe("the app's test-bundle cache in the data folder", () => {
  it('is written by the first run and read by an engine started again', async () => {
    expect((await runTests(solution)).status).toBe('pass');
    expect(entries()).toHaveLength(1);
    const file = path.join(cacheDir, entries()[0]!);
    const written = fs.statSync(file).mtimeMs;
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('tests/hidden/'); // only the visible suites
    expect((await runTests(starter)).status).toBe('fail');
    expect(fs.statSync(file).mtimeMs).toBe(written); // used as it was, not built again
  });

  it('an entry cut short in the data folder is built again, with no error shown', async () => {
    const file = path.join(cacheDir, entries()[0]!);
    const whole = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, whole.slice(0, Math.floor(whole.length * 0.7)));
    const r = await runTests(solution);
    expect(r.status).toBe('pass');
    expect(r.message ?? null).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe(whole);
  });

  it('a bundle edited inside a valid-looking entry is never used', async () => {
    const file = path.join(cacheDir, entries()[0]!);
    const whole = fs.readFileSync(file, 'utf8');
    // Same length, one matcher renamed in the bundle's code: the entry's shape is intact, only its tag is wrong.
    const tampered = whole.replace('.toEqual(', '.toEquaX(');
    expect(tampered).not.toBe(whole);
    expect(tampered.length).toBe(whole.length);
    fs.writeFileSync(file, tampered);
    const r = await runTests(solution);
    expect(r.status).toBe('pass'); // with the tampered bundle the matcher would not exist and every such test would fail
    expect(fs.readFileSync(file, 'utf8')).toBe(whole);
  });
});

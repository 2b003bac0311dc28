// Issue #14 item 5: a sandbox process never carries one submission's leftovers into another's run.
// While grading (no owner) every run gets a process no code ran in; a student's own runs may share a
// process only after a clean, proven reset; and when the host dies, every sandbox process exits on
// its own (a guardian kills them), even one stuck in an endless loop.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, loadRunnerExercise, readEditableFiles, type Runner } from '../../../electron/engine/runner';
import { harnessFile } from '../../../electron/engine/runner/harnessFile';
import { SandboxPool, type SandboxJob } from '../../../electron/engine/runner/sandboxPool';

const root = path.resolve(__dirname, '../../..');
const exercisesDir = path.join(root, 'exercises');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bundle as the bundler would make it: takes the harness and registers one passing test. */
const job = (n: number): SandboxJob => ({
  testTimeoutMs: 1000,
  testOutputCap: 1000,
  outputCap: 10_000,
  suites: [{ index: 0, code: `(() => { const api = __rg_take(); api.it('passes ${n}', () => {}); })();` }],
});

describe('sandbox processes and owners', () => {
  let pool: SandboxPool;
  beforeAll(async () => {
    pool = new SandboxPool({ harnessFile: await harnessFile(), warm: 1, spawnPrefix: null });
  });
  afterAll(() => pool.close());
  const limits = { wallMs: 10_000, memoryMb: 64 };

  it('without an owner (grading) no process serves two runs', async () => {
    const pids = [];
    for (let i = 0; i < 4; i++) {
      const r = await pool.run(job(i), limits);
      expect(r.outcome).toBe('done');
      pids.push(r.pid);
    }
    expect(new Set(pids).size).toBe(4);
  });

  it("an owner's clean runs share a process; another owner never gets it", async () => {
    const a1 = await pool.run(job(1), limits, 'alice');
    const a2 = await pool.run(job(2), limits, 'alice');
    const b1 = await pool.run(job(3), limits, 'bob');
    const a3 = await pool.run(job(4), limits, 'alice');
    expect(a2.pid).toBe(a1.pid);
    expect(b1.pid).not.toBe(a1.pid);
    expect(a3.pid).not.toBe(b1.pid);
  });
});

describe('leftovers of a passing run', () => {
  const id = 'orders-lifecycle';
  let runner: Runner;
  let solution: string;
  let sneaky: string;
  beforeAll(() => {
    runner = createRunner({ exercisesDir, warm: 1 });
    const exercise = loadRunnerExercise(exercisesDir, id);
    solution = readEditableFiles(exercise, path.join(exercisesDir, id, 'solution'))['OrderAggregate.ts']!;
    // Passes every test, and on loading starts a long chain of microtasks that outlives the suite,
    // then sets a timer whose callback never returns.
    sneaky =
      `let hops = 200_000;\nconst hop = (): void => { if (--hops > 0) queueMicrotask(hop); else setTimeout(() => { for (;;) {} }, 300); };\nqueueMicrotask(hop);\n` +
      solution;
  });
  afterAll(() => runner.close());

  it("cannot freeze another student's (or submission's) run, nor the same student's next run", async () => {
    const first = await runner.run({ exerciseId: id, files: { 'OrderAggregate.ts': sneaky }, suites: 'all', owner: 'mallory' });
    expect(first.status).toBe('pass');
    await sleep(800); // the timer would have fired by now
    const other = await runner.run({ exerciseId: id, files: { 'OrderAggregate.ts': solution }, suites: 'all', owner: 'alice' });
    expect(other.status).toBe('pass');
    expect(other.points).toBe(other.max_points);
    const graded = await runner.run({ exerciseId: id, files: { 'OrderAggregate.ts': solution }, suites: 'all' });
    expect(graded.status).toBe('pass');
    const again = await runner.run({ exerciseId: id, files: { 'OrderAggregate.ts': solution }, suites: 'all', owner: 'mallory' });
    expect(again.status).toBe('pass');
  });
});

describe('the host dies', () => {
  it.runIf(process.platform === 'linux')('every sandbox process exits on its own when the host is SIGKILLed, even one in an endless loop', async () => {
    const tsx = path.join(root, 'node_modules/tsx/dist/esm/index.mjs');
    const host = spawn(process.execPath, ['--import', tsx, path.join(__dirname, 'support/orphanHost.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = '';
      host.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /PIDS ([\d ]+)\n/.exec(out);
        if (m) resolve(m[1]!.trim().split(' ').map(Number));
      });
      host.on('exit', (code) => reject(new Error(`the host exited early (${code})`)));
    });
    expect(pids.length).toBeGreaterThanOrEqual(2);
    await sleep(300); // the looping run is under way
    const killedAt = performance.now();
    host.kill('SIGKILL');
    const alive = () => pids.filter((pid) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '));
    // Not a time limit: without the guardian the looping process never exits; this only bounds the wait.
    while (alive().length && performance.now() - killedAt < 20_000) await sleep(50);
    expect(alive()).toEqual([]);
  }, 60_000);
});

// The door the idle-time garbage collection could open (sandbox/idleGc.ts): the harness takes V8's `gc`
// by setting `--expose-gc` for one private context between jobs. No suite's context may get a `gc` (a
// student's code must not be able to stall or time the process with it), in a fresh process's first run
// or in a reused process after collections ran between runs; and a collection between runs must not
// change what the next run finds.
import { describe, expect, it } from 'vitest';
import { solution, useCounterRunner } from './support/counterRunner';

const run = useCounterRunner();

/** The solution, made to fail loading wherever its realm offers a way to collect garbage. */
const probe = solution.replace(
  'export class Counter',
  `const g = globalThis as any;
for (const name of ['gc', 'v8', 'process', 'require']) {
  if (name in g || typeof g[name] !== 'undefined') throw new Error('reachable from the sandbox: ' + name);
}
export class Counter`,
);

describe("the sandbox's idle-time garbage collection", () => {
  it('the probe is able to fail: a name it looks for that every context has fails the run', async () => {
    const r = await run(probe.replace("['gc', 'v8', 'process', 'require']", "['gc', 'console']"));
    expect(r.status).not.toBe('pass');
  });

  it('no suite context has a gc, in a fresh process and run after run of one owner (collections between runs)', async () => {
    expect(probe).not.toBe(solution);
    for (let i = 0; i < 4; i++) {
      const r = await run(probe, 'gc-owner');
      expect(r.suites.length).toBeGreaterThan(1);
      expect(r.status, r.message ?? '').toBe('pass');
    }
    // A run without an owner: a process no one used before.
    const fresh = await run(probe);
    expect(fresh.status, fresh.message ?? '').toBe('pass');
  });

  it('what a run leaves in its realm is gone for the next run, after the collection between them', async () => {
    // Each run keeps a large value alive in its module (work for the collection) and marks its realm; a
    // run that finds the mark (a context used before) fails loading.
    const marking = solution
      .replace(
        'export class Counter',
        `if (Error.stackTraceLimit === 79) throw new Error('a context was used before');
Error.stackTraceLimit = 79;
const kept = new Array(200_000).fill('kept');
export class Counter`,
      )
      .replace('  value = 0;', '  value = 0;\n  static kept = kept;');
    expect(marking).toContain('static kept');
    for (let i = 0; i < 3; i++) {
      const r = await run(marking, 'gc-mark-owner');
      expect(r.status, r.message ?? '').toBe('pass');
    }
  });
});

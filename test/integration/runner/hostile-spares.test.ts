// The doors the fast paths of a warm run could open: contexts made ahead while the sandbox process
// waits (spares), a warm-up suite run by every new process, and test bundles sent ahead to fresh
// processes. Each suite must still start in a context no code ran in, and what one suite or run leaves
// behind must never reach another.
import { describe, expect, it } from 'vitest';
import { solution, useCounterRunner } from './support/counterRunner';

const run = useCounterRunner();

/**
 * The solution, made to fail loading wherever its realm already holds what an earlier load left there:
 * a value of `Error.stackTraceLimit`, which code may set (the built-ins check ignores it) and which is
 * each context's own.
 */
const marking = (mark: number) =>
  solution.replace(
    'export class Counter',
    `if (Error.stackTraceLimit === ${mark}) throw new Error('this context was used before');
Error.stackTraceLimit = ${mark};
export class Counter`,
  );

describe('contexts made ahead and bundles sent ahead', () => {
  it('every suite of a run starts in a context of its own, run after run of one owner (spares made between runs)', async () => {
    const marked = marking(77);
    for (let i = 0; i < 3; i++) {
      const r = await run(marked, 'spares-owner');
      expect(r.suites.length).toBeGreaterThan(1);
      expect(r.status, r.message ?? '').toBe('pass');
    }
  });

  it("nothing of the process's warm-up suite or of another owner's run is visible to a run", async () => {
    // The warm-up suite runs in a context of its own; its globals (describe, it, expect) were never
    // globals of any context, and a fresh process's first run sees none of them.
    const probe = solution.replace(
      'export class Counter',
      `const g = globalThis as any;
for (const name of ['describe', 'it', 'test', 'expect', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll']) {
  if (g[name] !== undefined) throw new Error('left behind: ' + name);
}
if (Error.stackTraceLimit === 77 || Error.stackTraceLimit === 78) throw new Error('left behind: a stack trace limit');
export class Counter`,
    );
    expect((await run(marking(78), 'another-owner')).status).toBe('pass');
    for (const owner of ['probe-owner', undefined]) {
      const r = await run(probe, owner);
      expect(r.status, r.message ?? '').toBe('pass');
    }
  });
});

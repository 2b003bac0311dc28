// Garbage collection between jobs, in the sandbox process's idle time. A job makes a fresh vm context
// per suite and leaves them all dead at its end. Left to V8, the young generation fills up during a
// later job and the scavenge runs on that job's path, copying whatever is live then (the job's own
// contexts) and, on a busy machine, waiting for helper threads that get no core. So once a job ended
// the process empties the young generation itself, before it makes the next job's contexts; with a
// young generation large enough for a job's allocations (`--min-semi-space-size`, sandboxPool.ts), a
// job then runs without a scavenge.
//
// V8 offers `gc` only as a global of contexts made while `--expose-gc` is set: the flag is set, one
// private context is made to take its `gc`, and the flag is cleared at once. This happens between
// jobs, when no suite's code runs; a context made later (every suite's) reads the cleared flag and
// has no `gc` (test/integration/runner/hostile-idleGc.test.ts).
import v8 from 'node:v8';
import vm from 'node:vm';

type Collect = (options?: { type?: 'minor' }) => void;

let gc: Collect | null | undefined;

function takeGc(): Collect | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const found: unknown = vm.runInContext('typeof gc === "function" ? gc : null', vm.createContext(Object.create(null)));
    return typeof found === 'function' ? (found as Collect) : null;
  } catch {
    return null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

/** Empties the young generation (a scavenge: cheap once the last job's objects are dead). False when V8 offers no `gc`. */
export function collectYoung(): boolean {
  gc ??= takeGc();
  if (!gc) return false;
  gc({ type: 'minor' });
  return true;
}

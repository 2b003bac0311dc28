// Entry point of the sandbox process (bundled to one CommonJS file, the only file the process may
// read). Reads jobs as JSON lines on stdin, runs each suite in a fresh vm context, and writes every
// report as one line on stdout prefixed with the job's random nonce. Started by sandboxPool.ts with
// the permission model, frozen intrinsics and no code generation from strings.
import { forgetScripts, keepScript, openSandboxes, prepareSpare, setJobModules, takeContextCounts } from './globals';
import { runSuite, type TestReport } from './harness';
import { runCall, type CallReport } from './call';
import { collectYoung } from './idleGc';
import type { Phrase } from '../../common/phrase';

/** Run suites (the test runner), call one export (the call API), or compile a test bundle ahead of them. */
export type Job = SuitesJob | CallJob | BundleJob;

/** A test bundle sent ahead of the job that needs it (no student code: it is compiled, not run). */
export interface BundleJob {
  kind: 'bundle';
  bundle: { id: string; code: string };
}

export interface CallJob {
  kind: 'call';
  runId: string;
  nonce: string;
  code: string;
  exportName: string;
  input: string;
  timeoutMs: number;
  outputCap: number;
  resultCap: number;
}

export interface SuitesJob {
  kind?: 'suites';
  runId: string;
  nonce: string;
  testTimeoutMs: number;
  testOutputCap: number;
  outputCap: number;
  /** The script every suite runs (each in its own context), unless a suite brings its own. */
  code?: string;
  /**
   * The test bundle every suite runs instead of `code`: its code comes once per process (the host
   * leaves it out when this process was sent it last time), and stays compiled between jobs.
   */
  bundle?: { id: string; code?: string };
  /** The student's modules the bundle links (each compiled at its line offset under the bundle's name). */
  modules?: Array<{ name: string; code: string; line: number }>;
  suites: Array<{ index: number; code?: string }>;
}

export type ChildMessage =
  | ({ runId: string; t: 'test'; suite: number } & TestReport)
  | {
      runId: string;
      t: 'suite';
      suite: number;
      status: 'ok' | 'error';
      message: string | null;
      messagePhrase: Phrase | null;
      output: string | null;
      errorFrames: Array<{ line: number; column: number }>;
      tampered: string | null;
      tamperedPhrase: Phrase | null;
      timedOut: boolean;
      names: { table: boolean; missing: string[]; unused: string[] } | null;
    }
  | ({ runId: string; t: 'call' } & Omit<CallReport, 'dirty'>)
  | { runId: string; t: 'done'; dirty: boolean; contexts?: { ahead: number; made: number }; cpuMs?: number };

// Capture what the harness needs before anything else can run, then close the doors that stay open
// in this realm (defence in depth: the permission model already denies most of them).
const stdout = process.stdout;
const stdin = process.stdin;
const deny = () => {
  throw new Error('not available in the sandbox');
};
for (const key of ['binding', '_linkedBinding', 'dlopen', 'getBuiltinModule', 'reallyExit', 'kill', 'chdir', 'setuid', 'setgid']) {
  try {
    Object.defineProperty(process, key, { value: deny, writable: false, configurable: false });
  } catch {
    // some keys may not exist or be non-configurable on this Node version
  }
}

// Reports wait here and leave in one write per suite, or sooner when the suite waits for a test's
// promise: a few writes per run instead of one per test (each write wakes the host). Whatever was
// reported before a wait has left, so a test that then never settles cannot hold back earlier results.
let unsent = '';

function send(nonce: string, msg: ChildMessage): void {
  unsent += nonce + JSON.stringify(msg) + '\n';
}

function flush(): void {
  if (!unsent) return;
  const text = unsent;
  unsent = '';
  stdout.write(text);
}

async function runCallJob(job: CallJob): Promise<void> {
  const { dirty, ...report } = await runCall({
    code: job.code,
    filename: 'call-0.js',
    exportName: job.exportName,
    input: job.input,
    timeoutMs: job.timeoutMs,
    outputCap: job.outputCap,
    resultCap: job.resultCap,
  });
  send(job.nonce, { runId: job.runId, t: 'call', ...report });
  send(job.nonce, { runId: job.runId, t: 'done', dirty });
  flush();
}

/** The file name of the script the suites share (and of the student's modules linked to it). */
const SHARED_NAME = 'suites.js';

/** Test bundles this process was sent, by id (the last few; the host sends again any other). */
const bundles = new Map<string, string>();

function bundleCode(bundle: { id: string; code?: string }): string {
  if (bundle.code !== undefined) {
    bundles.delete(bundle.id);
    bundles.set(bundle.id, bundle.code);
    while (bundles.size > 2) bundles.delete(bundles.keys().next().value as string);
    keepScript(bundle.code, SHARED_NAME);
  }
  const code = bundles.get(bundle.id);
  if (code === undefined) throw new Error(`no test bundle ${bundle.id} in this process`);
  return code;
}

async function runJob(job: Job): Promise<void> {
  if (job.kind === 'call') return runCallJob(job);
  if (job.kind === 'bundle') {
    bundleCode(job.bundle);
    return;
  }
  const cpuAtStart = process.cpuUsage();
  const budget = { left: job.outputCap };
  let dirty = false;
  takeContextCounts(); // counted from here: this job's suites
  const shared = job.bundle ? bundleCode(job.bundle) : job.code;
  setJobModules(job.modules ?? []);
  for (const s of job.suites) {
    const filename = s.code === undefined ? SHARED_NAME : `suite-${s.index}.js`;
    const report = await runSuite({
      code: s.code ?? shared ?? '',
      filename,
      index: s.index,
      testTimeoutMs: job.testTimeoutMs,
      testOutputCap: job.testOutputCap,
      outputBudget: budget,
      onTest: (t) => send(job.nonce, { runId: job.runId, t: 'test', suite: s.index, ...t }),
      beforeWait: flush,
    });
    dirty ||= report.dirty;
    send(job.nonce, {
      runId: job.runId,
      t: 'suite',
      suite: s.index,
      status: report.status,
      message: report.message,
      messagePhrase: report.messagePhrase,
      output: report.output,
      errorFrames: report.errorFrames,
      tampered: report.tampered,
      tamperedPhrase: report.tamperedPhrase,
      timedOut: report.timedOut,
      names: report.names,
    });
    flush();
  }
  forgetScripts();
  const cpu = process.cpuUsage(cpuAtStart);
  send(job.nonce, { runId: job.runId, t: 'done', dirty, contexts: takeContextCounts(), cpuMs: (cpu.user + cpu.system) / 1000 });
  flush();
}

// Spare contexts: while no job is queued, the process makes the contexts its next job will need (as
// many as the last job's suites; a new process guesses), one per turn of the event loop, so a job that
// arrives waits for one context at most. No code runs in them until a suite takes one.
let sparesWanted = 8;
let jobsQueued = 0;
/** Jobs that run code (suites or a call) received so far; a test bundle sent ahead is not one. */
let runsReceived = 0;
const prepareWhileIdle = (): void => {
  if (jobsQueued === 0 && prepareSpare(sparesWanted)) setImmediate(prepareWhileIdle);
};
/**
 * A process started to serve many runs has a young generation sized for a job (sandboxPool.ts,
 * `sandboxArgs`) and empties it between jobs; one started for a single run (grading) ends after it.
 */
const collectsBetweenJobs = process.execArgv.some((a) => a.startsWith('--min-semi-space-size='));
/** Once the queue is empty: the dead job's objects go first (idleGc.ts), then the next job's contexts are made. */
const afterJobs = (): void => {
  if (jobsQueued !== 0) return;
  if (collectsBetweenJobs) collectYoung();
  setImmediate(prepareWhileIdle);
};

// A new process first runs a small suite of its own (no code of anyone else's; nothing is reported), so
// the harness's code (collecting, running steps, expect and deep equality, the checks) is compiled
// before the first job needs it: a process started ahead is ready to run, not only to start. A process
// whose first job is already waiting when its event loop starts (a cold run: the job was written while it
// booted) skips it: that job compiles the same code, and the warm-up would only delay it.
const WARM_UP = `(() => {
  const { describe, it, expect, beforeEach } = __rg_take();
  describe('warm-up', () => {
    let n = 0;
    beforeEach(() => { n++; });
    it('compares', () => {
      expect(n).toBe(1);
      expect({ a: [1, { b: 'x' }], c: new Map([[1, 2]]) }).toEqual({ a: [1, { b: 'x' }], c: new Map([[1, 2]]) });
      expect({ a: 1, b: [2] }).toMatchObject({ b: [2] });
      expect([1, 2]).toContain(2);
      expect(() => { throw new TypeError('x'); }).toThrow('x');
      expect('abc').toMatch(/b/);
      expect(n).not.toBe(2);
    });
    it('awaits', async () => {
      await expect(Promise.resolve(2)).resolves.toBe(2);
    });
  });
})();`;

async function warmUp(): Promise<void> {
  try {
    await runSuite({
      code: WARM_UP,
      filename: 'harness-warm-up.js',
      testTimeoutMs: 1000,
      testOutputCap: 1000,
      outputBudget: { left: 1000 },
      onTest: () => undefined,
    });
  } catch {
    // only a head start: a failure here changes nothing for the jobs
  }
}

let buffer = '';
let queue: Promise<void> = Promise.resolve();
// After the first turn's input was read (a job written while the process booted is queued by then).
setImmediate(() => {
  if (runsReceived > 0) return; // spares are made after that job, as after any job
  queue = queue.then(warmUp).then(() => {
    setImmediate(prepareWhileIdle);
  });
});
stdin.setEncoding('utf8');
stdin.on('data', (chunk: string) => {
  buffer += chunk;
  let nl: number;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, nl);
    buffer = buffer.slice(nl + 1);
    if (!line.trim()) continue;
    const job = JSON.parse(line) as Job | { ping: string };
    if ('ping' in job) {
      // Liveness and reset check between runs: answered only when the event loop is not starved (for
      // example by an endless promise chain a previous run left behind), and 'clean' only when every
      // suite's context is closed (no timer or microtask of theirs can be scheduled any more).
      stdout.write(`pong ${job.ping} ${openSandboxes() === 0 ? 'clean' : 'open'}\n`);
      continue;
    }
    jobsQueued++;
    if (job.kind !== 'bundle') runsReceived++;
    if (job.kind !== 'bundle') sparesWanted = job.kind === 'call' ? 1 : job.suites.length;
    queue = queue
      .then(() => runJob(job))
      .then(() => {
        if (--jobsQueued === 0) setImmediate(afterJobs);
      })
      .catch((err: unknown) => {
        process.stderr.write(`harness failure: ${err instanceof Error ? err.stack : String(err)}\n`);
        process.exitCode = 70;
        stdin.destroy();
      });
  }
});
stdin.on('end', () => {
  void queue.then(() => stdout.end());
});

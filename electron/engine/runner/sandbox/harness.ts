// The test harness inside the sandbox process: runs one bundled suite in a fresh vm context that
// holds only the harness's globals, collects describe/it, runs hooks and tests, and reports each
// test as plain data, with its Russian name when the suite's `ruNames` table names every segment
// of it. The authoritative pass/fail state lives here, in the harness's realm, never
// in the sandboxed realm the student's code can reach.
import { createCollector, isBlock, type Block, type Fn, type TestCase } from './collector';
import { copyDetails, copyPhrase, errorMessage, framesOf, isTimeout, thrownPhrase, type Frame } from './errors';
import { assertionErrors, createExpect, english } from './expect';
import { englishOf, phrase, textPhrase, type Phrase } from '../../common/phrase';
import { safeGet } from './format';
import { createSandbox, OutputCapture, TIMEOUT, type CallOutcome, type Steps } from './globals';
import { createFreezer } from './freeze';
import { settle } from './settle';
import { nameCoverage, russianName, type NameCoverage } from './ruNames';

export type { Frame } from './errors';
export { framesOf } from './errors';

export interface TestReport {
  name: string;
  /** The full name in Russian (from the suite's `ruNames`), or null when a segment has no translation. */
  nameRu: string | null;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  /** The message as a phrase (worded in the reader's language by the UI and grading). */
  messagePhrase: Phrase | null;
  output: string | null;
  duration_ms: number;
  /** Bundle positions of the `it(...)` call (first frames of the stack at registration). */
  frames: Frame[];
  /** Bundle positions from the stack of the error that failed the test. */
  errorFrames: Frame[];
  details?: unknown;
  /** Stopped at its time limit (the structured reason; the message is only for people). */
  timedOut: boolean;
}

export interface SuiteReport {
  status: 'ok' | 'error';
  message: string | null;
  messagePhrase: Phrase | null;
  output: string | null;
  errorFrames: Frame[];
  /** A test or hook hit a timeout, or built-ins were changed: the process should not be reused. */
  dirty: boolean;
  /** A built-in found changed after the tests ran (every test of the suite then fails), or null. */
  tampered: string | null;
  tamperedPhrase: Phrase | null;
  /** The file's top level ran into its time limit. */
  timedOut: boolean;
  /** How far the suite's `ruNames` table covers its describe/it names (null when the file did not load). */
  names: NameCoverage | null;
}

export interface SuiteOptions {
  code: string;
  filename: string;
  /** Which suite of the script this is (a run's suites share one script). */
  index?: number;
  testTimeoutMs: number;
  /** Per-test cap on captured console output (characters). */
  testOutputCap: number;
  /** Remaining budget of captured output for the whole run (characters), shared across suites. */
  outputBudget: { left: number };
  onTest(report: TestReport): void;
  /** Called before the suite waits for a test's promise (the process sends what it reported so far). */
  beforeWait?(): void;
}

const clip = (s: string | null, max: number): string | null => (s !== null && s.length > max ? `${s.slice(0, max)}… (truncated)` : s);

const READONLY_EXPORT = 'the read-only export ';
const tamperedPhrase = (what: string): Phrase =>
  what.startsWith(READONLY_EXPORT) ? phrase('tamperedExport', { what: what.slice(READONLY_EXPORT.length) }) : phrase('tamperedBuiltin', { what });
const tampered = (what: string) => english(tamperedPhrase(what));

interface BlockFailure {
  message: string;
  phrase: Phrase;
  timedOut: boolean;
}

/** A phrase small enough to send (a huge one is dropped: the clipped English message stays). */
function bounded(p: Phrase | null): Phrase | null {
  return p !== null && JSON.stringify(p).length <= 64 * 1024 ? p : null;
}

/** A harness message: its phrase and its English wording. */
function said(p: Phrase): { message: string; phrase: Phrase } {
  return { message: english(p), phrase: p };
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteReport> {
  const { filename, testTimeoutMs } = opts;
  let dirty = false;

  // The running test's failures: recorded by expect even if the exception is swallowed.
  let failures: Array<{ message: string; phrase: Phrase }> | null = null;
  let assertions = 0;
  let expectedAssertions: number | 'some' | null = null;
  const expect = createExpect({
    onFailure: (message, p) => {
      if (failures && failures.length < 20) failures.push({ message, phrase: p });
    },
    onAssertion: () => {
      assertions++;
    },
    expectAssertions: (n) => {
      expectedAssertions = n;
    },
    settle,
  });

  const collector = createCollector(filename, expect);
  const output = new OutputCapture(opts.testOutputCap, opts.outputBudget);
  const freezer = createFreezer((v) => intrinsics.isBuiltin(v));
  const sandbox = createSandbox({
    filename,
    output,
    api: collector.api,
    settle,
    timerTimeoutMs: testTimeoutMs,
    suiteIndex: opts.index,
    beforeWait: opts.beforeWait,
    onRunaway: () => {
      dirty = true;
    },
    freezeModule: (namespace) => {
      const before = freezer.frozen().length;
      freezer.freezeModule(namespace);
      for (const [label, value] of freezer.frozen().slice(before)) intrinsics.track(label, value);
    },
  });
  const intrinsics = sandbox.intrinsics;

  // 1. Load the file: the bundle's top level runs the test file's describe/it calls. It is the first
  //    step of the suite (see `suite` below), so it shares the tests' watchdog.
  const load: { failed: Exclude<CallOutcome, { ok: true }> | null } = { failed: null };
  // Built-ins changed while loading: every test fails (none runs in a realm that cannot be trusted).
  let poisonedAtLoad: string | null = null;

  // 2. Run the tests in order, with hooks.
  let anyOnly = false;
  const chain = (b: Block): Block[] => {
    const out: Block[] = [];
    for (let x: Block | null = b; x; x = x.parent) out.unshift(x);
    return out;
  };
  const segmentsOf = (t: TestCase) => [...chain(t.block).map((b) => b.name).filter((n) => n !== ''), t.name];
  const fullName = (t: TestCase) => segmentsOf(t).join(' > ');
  let ruTable: ReadonlyMap<string, string> | null = null;
  const ruName = (t: TestCase) => clip(russianName(segmentsOf(t), ruTable), 1000);
  const selected = (t: TestCase): boolean => !t.skip && (!anyOnly || t.only || chain(t.block).some((b) => b.only));
  const hasSelected = (b: Block): boolean => b.items.some((x) => (isBlock(x) ? hasSelected(x) : selected(x)));

  // The run is a generator of the functions to call (hooks and tests, in order): `yield fn` hands one to
  // the sandbox and gives back its outcome; the sandbox runs consecutive synchronous ones as a series
  // under one watchdog (globals.ts, `drive`).
  const runTest = function* (t: TestCase, blockFailure: BlockFailure | null): Steps {
    const name = clip(fullName(t), 1000)!;
    if (blockFailure || poisonedAtLoad) {
      const why = poisonedAtLoad ? said(tamperedPhrase(poisonedAtLoad)) : blockFailure!;
      const timedOut = !poisonedAtLoad && blockFailure!.timedOut;
      opts.onTest({ name, nameRu: ruName(t), status: 'fail', message: why.message, messagePhrase: why.phrase, output: null, duration_ms: 0, frames: t.frames, errorFrames: [], details: undefined, timedOut });
      return;
    }
    const blocks = chain(t.block);
    output.startTest();
    failures = [];
    assertions = 0;
    expectedAssertions = null;
    const started = performance.now();
    let status: TestReport['status'] = 'pass';
    let message: string | null = null;
    let messagePhrase: Phrase | null = null;
    let thrown: unknown;
    let threw = false;
    let timedOut = false;

    const runFn = function* (fn: Fn, label: 'testTimedOut' | 'beforeEachTimedOut' | 'afterEachTimedOut'): Generator<Fn, boolean, CallOutcome> {
      const r = yield fn;
      if (r === TIMEOUT) {
        timedOut = true;
        dirty = true;
        status = 'error';
        ({ message, phrase: messagePhrase } = said(phrase(label, { ms: testTimeoutMs })));
        return false;
      }
      if (!r.ok) {
        if (!threw) thrown = r.error;
        threw = true;
        return false;
      }
      return true;
    };

    let ok = true;
    for (const b of blocks) for (const h of b.beforeEach) if (ok) ok = yield* runFn(h, 'beforeEachTimedOut');
    if (ok && t.fn) yield* runFn(t.fn, 'testTimedOut');
    for (const b of [...blocks].reverse()) for (const h of b.afterEach) if (!timedOut) yield* runFn(h, 'afterEachTimedOut');

    const duration = performance.now() - started;
    const recorded = failures;
    failures = null;
    let details: unknown;
    if (!timedOut) {
      if (threw) {
        status = 'fail';
        const isAssertion = thrown !== null && typeof thrown === 'object' && assertionErrors.has(thrown);
        details = copyDetails(thrown);
        const own = safeGet(thrown, 'message');
        if (isAssertion && recorded.length) ({ message, phrase: messagePhrase } = recorded[0]!);
        else if (details !== undefined && typeof own === 'string') {
          // A given/when/then failure: its own words, and its phrase when it carries one.
          const shown = own.length > 8000 ? own.slice(0, 8001) : own;
          message = englishOf(shown);
          messagePhrase = copyPhrase(thrown) ?? textPhrase(shown);
        } else {
          message = errorMessage(thrown);
          messagePhrase = thrownPhrase(thrown);
        }
      } else if (recorded.length) {
        status = 'fail';
        ({ message, phrase: messagePhrase } = said(phrase('caughtAssertion', { message: recorded[0]!.phrase })));
      } else if (expectedAssertions === 'some' && assertions === 0) {
        status = 'fail';
        ({ message, phrase: messagePhrase } = said(phrase('noAssertions')));
      } else if (typeof expectedAssertions === 'number' && assertions !== expectedAssertions) {
        status = 'fail';
        ({ message, phrase: messagePhrase } = said(phrase('assertionCount', { expected: expectedAssertions, actual: assertions })));
      }
    }
    opts.onTest({
      name,
      nameRu: ruName(t),
      status,
      message: clip(message, 8000),
      messagePhrase: status === 'pass' ? null : bounded(messagePhrase),
      output: output.endTest(),
      duration_ms: Math.round(duration * 1000) / 1000,
      frames: t.frames,
      errorFrames: threw ? framesOf(safeGet(thrown, 'stack'), filename) : [],
      details,
      timedOut,
    });
  };

  const runBlock = function* (b: Block, inheritedFailure: BlockFailure | null): Steps {
    if (!hasSelected(b)) return;
    let blockFailure = inheritedFailure;
    if (!blockFailure) {
      for (const h of b.beforeAll) {
        output.toSuite();
        const r = yield h;
        if (r === TIMEOUT) {
          dirty = true;
          blockFailure = { ...said(phrase('beforeAllTimedOut', { ms: testTimeoutMs })), timedOut: true };
        } else if (!r.ok) {
          const error = clip(errorMessage(r.error), 8000)!;
          blockFailure = { message: `beforeAll hook failed: ${error}`, phrase: phrase('beforeAllFailed', { error: thrownPhrase(r.error) }), timedOut: false };
        }
        if (blockFailure) break;
      }
    }
    for (const item of b.items) {
      if (isBlock(item)) yield* runBlock(item, blockFailure);
      else if (selected(item)) yield* runTest(item, blockFailure);
    }
    if (!blockFailure) {
      for (const h of b.afterAll) {
        output.toSuite();
        if ((yield h) === TIMEOUT) dirty = true;
      }
    }
  };

  const suite = function* (): Steps {
    const loaded = yield () => sandbox.load(opts.code, filename);
    if (loaded === TIMEOUT || !loaded.ok) {
      load.failed = loaded;
      return;
    }
    collector.close();
    poisonedAtLoad = intrinsics.changed();
    if (poisonedAtLoad) dirty = true;
    anyOnly = collector.anyOnly();
    ruTable = collector.ruNames();
    yield* runBlock(collector.root, null);
  };

  try {
    await sandbox.drive(suite(), testTimeoutMs);
  } finally {
    sandbox.close();
  }
  if (load.failed) {
    const timedOut = load.failed === TIMEOUT;
    const err = load.failed === TIMEOUT ? undefined : load.failed.error;
    const failed = timedOut ? said(phrase('loadTimedOut', { ms: testTimeoutMs })) : null;
    const loadError = clip(errorMessage(err), 8000)!;
    return {
      status: 'error',
      message: failed ? failed.message : clip(`the test file could not be loaded: ${loadError}`, 8000),
      messagePhrase: failed ? failed.phrase : phrase('loadFailed', { error: loadError }),
      output: output.suiteText(),
      errorFrames: framesOf(safeGet(err, 'stack'), filename),
      dirty: timedOut,
      tampered: null,
      tamperedPhrase: null,
      timedOut,
      names: null,
    };
  }
  // Checked once the tests ran (a check per test would cost more than the tests): any change fails
  // every test of the suite, on the host.
  const late = poisonedAtLoad ? null : intrinsics.changed();
  return {
    status: 'ok',
    message: null,
    messagePhrase: null,
    output: output.suiteText(),
    errorFrames: [],
    dirty: dirty || late !== null,
    tampered: late ? tampered(late) : null,
    tamperedPhrase: late ? tamperedPhrase(late) : null,
    timedOut: false,
    names: nameCoverage(collector.segments(), ruTable),
  };
}

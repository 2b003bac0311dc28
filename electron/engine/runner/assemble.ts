// Turns what the sandbox reported into a RunResult: suites, visibility and points from the manifest,
// test lines and code from the source maps and test files, student error locations, and caps. Every
// message comes in English and as a phrase (common/testWords.ts) for the reader's language.
import { displayName, type SuiteBundle } from './bundle';
import type { RunnerManifest } from './exercise';
import type { ChildSuiteMessage, ChildTestMessage } from './protocol';
import { RESULT_CAP_BYTES, RunResult, type RunReason, type SourceLocation, type SuiteSummary, type TestResult } from '../common/runResult';
import type { RawRun } from './sandboxPool';
import { SCENARIO_VALUE_KEYS } from '../common/scenarioDetails';
import { SourceMap, type PositionLookup } from './sourcemap';
import { expectSubject, extractTestCode } from './testCode';
import { phrase, type Phrase } from '../common/phrase';
import { wordPhrase } from '../common/testWords';

/** A runner message: its phrase and its English wording. */
function said(p: Phrase): { message: string; message_phrase: Phrase } {
  return { message: wordPhrase(p, 'en') ?? p.key, message_phrase: p };
}

export interface AssembleInput {
  exerciseId: string;
  /** The test files by path (the source of `test_code` and of failed expressions). */
  tests: ReadonlyMap<string, string>;
  /** The suites that ran, in the order of `bundles`. */
  present: RunnerManifest['suites'];
  /** Each suite's script map: source map text, or a lookup made by the bundler (a test run's layered map). */
  bundles: Array<{ map: SuiteBundle['map'] | PositionLookup }>;
  raw: RawRun;
  limits: { wallMs: number; memoryMb: number };
  /** performance.now() when the run started. */
  started: number;
}

function describeOutcome(raw: RawRun, limits: { wallMs: number; memoryMb: number }): Phrase {
  switch (raw.outcome) {
    case 'timeout':
      return phrase('runStoppedTimeout', { ms: limits.wallMs });
    case 'oom':
      return phrase('runOutOfMemory', { mb: limits.memoryMb });
    case 'memory':
      return phrase('runTooMuchMemory', { mb: limits.memoryMb });
    case 'output':
      return phrase('runTooMuchOutput');
    case 'crashed': {
      // The first line Node printed (a bad flag, a fatal V8 error) helps whoever has to fix it.
      const first = raw.detail.split('\n').find((l) => l.trim())?.trim().slice(0, 200);
      return first ? phrase('runCrashedDetail', { detail: first }) : phrase('runCrashed');
    }
    case 'done':
      return phrase('suiteNoReport');
  }
}

function outcomeReason(raw: RawRun): RunReason {
  switch (raw.outcome) {
    case 'timeout':
      return 'timeout';
    case 'oom':
    case 'memory':
      return 'memory';
    case 'output':
      return 'output';
    default:
      return 'crashed';
  }
}

/** A whole run that failed: its message as a phrase (English derived), or an English text and its phrase. */
export function errorResult(
  exerciseId: string,
  message: string | Phrase | { message: string; message_phrase: Phrase },
  started: number,
  reason: RunReason,
  location?: SourceLocation,
): RunResult {
  return RunResult.parse({
    version: 3,
    status: 'error',
    ...(typeof message === 'string' ? { message } : 'key' in message ? said(message) : message),
    reason,
    location,
    tests: [],
    exercise_id: exerciseId,
    suites: [],
    points: 0,
    max_points: 0,
    duration_ms: Math.round(performance.now() - started),
  });
}

function truncate(s: string | null, max: number): string | null {
  if (s === null || s.length <= max) return s;
  return s.slice(0, max) + '\n… (truncated)';
}

/** Keeps the serialized result under the cap: shortens outputs, then messages, then gives up. */
function capResult(result: RunResult): RunResult {
  const size = () => Buffer.byteLength(JSON.stringify(result));
  if (size() <= RESULT_CAP_BYTES) return result;
  for (const limit of [2000, 300]) {
    for (const t of result.tests) {
      t.output = truncate(t.output, limit);
      t.message = truncate(t.message, limit * 2);
      // The phrase is the first to go: the English message stays, shortened.
      if (t.message_phrase && JSON.stringify(t.message_phrase).length > limit * 2) delete t.message_phrase;
      for (const k of SCENARIO_VALUE_KEYS) {
        if (t[k] !== undefined && JSON.stringify(t[k]).length > limit * 4) t[k] = '(too large to show)';
      }
    }
    if (size() <= RESULT_CAP_BYTES) return result;
  }
  for (const t of result.tests) t.test_code = truncate(t.test_code, 500) ?? '';
  if (size() <= RESULT_CAP_BYTES) return result;
  result.status = 'error';
  Object.assign(result, said(phrase('resultsTooLarge')));
  result.reason = 'too_large';
  result.tests = [];
  return result;
}

export function assembleResult({ exerciseId, tests: testSources, present, bundles, raw, limits, started }: AssembleInput): RunResult {
  const tests: TestResult[] = [];
  const summaries: SuiteSummary[] = [];
  // Suites that share one script share its source map: parsed once.
  const maps = new Map<string, SourceMap>();
  const mapOf = (i: number): PositionLookup => {
    const text = bundles[i]!.map;
    if (typeof text !== 'string') return text;
    let m = maps.get(text);
    if (!m) maps.set(text, (m = new SourceMap(text)));
    return m;
  };
  // Workspace and test files by their own names; anything else (engine modules) never equals either.
  const fileOf = (source: string): string => (/^(workspace|tests):/.test(source) ? displayName({ file: source }, '') : `engine:${source}`);
  const workspaceLocation = (i: number, frames: Array<{ line: number; column: number }>): SourceLocation | null => {
    for (const f of frames) {
      const pos = mapOf(i).lookup(f.line, f.column);
      if (pos && pos.source.startsWith('workspace:')) return { file: fileOf(pos.source), line: pos.line, column: pos.column + 1 };
    }
    return null;
  };
  const workspaceFrame = (i: number, frames: Array<{ line: number; column: number }>): string | null => {
    const loc = workspaceLocation(i, frames);
    return loc ? `${loc.file}:${loc.line}:${loc.column}` : null;
  };

  let registrationProblem: { message: string; message_phrase: Phrase } | undefined;
  for (let i = 0; i < present.length; i++) {
    const suite = present[i]!;
    const hidden = suite.visibility === 'hidden';
    const testMsgs = raw.messages.filter((m): m is ChildTestMessage => m.t === 'test' && m.suite === i);
    const suiteMsg = raw.messages.find((m): m is ChildSuiteMessage => m.t === 'suite' && m.suite === i);
    let testSource: string | undefined;
    const sourceOfTests = () => (testSource ??= testSources.get(suite.file) ?? '');
    const seen = new Set<string>();
    const suiteTests: TestResult[] = [];
    const suiteFile = suite.file;
    for (const m of testMsgs) {
      // A result counts only when the suite's own test file registered it (the innermost frame of the `it` call).
      const origin = m.frames.length ? mapOf(i).lookup(m.frames[0]!.line, m.frames[0]!.column) : null;
      if (!origin || fileOf(origin.source) !== suiteFile) {
        registrationProblem ??= said(
          origin
            ? phrase('registeredOutside', { suite: suite.id, name: m.name, where: `${fileOf(origin.source)}:${origin.line}:${origin.column + 1}` })
            : phrase('registeredOutsideUnknown', { suite: suite.id, name: m.name }),
        );
      } else if (seen.has(m.name)) {
        registrationProblem ??= said(phrase('registeredTwice', { suite: suite.id, name: m.name, file: suite.file }));
      }
      let line: number | undefined;
      let testCode = '';
      for (const f of m.frames) {
        const pos = mapOf(i).lookup(f.line, f.column);
        if (pos && fileOf(pos.source) === suiteFile) {
          line = pos.line;
          if (!hidden) testCode = extractTestCode(sourceOfTests(), pos.line, pos.column);
          break;
        }
      }
      let name = m.name;
      let nameRu = m.nameRu;
      for (let n = 2; seen.has(name); n++) {
        name = `${m.name} (${n})`;
        nameRu = m.nameRu === null ? null : `${m.nameRu} (${n})`;
      }
      seen.add(name);
      let message = m.message;
      let messagePhrase = m.messagePhrase;
      // A failed assertion in the test file: its line (to open the test there, not at `it(`), and the
      // expression it checked (so `expected "…08:04…" to be "…08:03…"` names what was compared).
      // Hidden tests get the expression too: their messages reach only the instructor's gradebook (the
      // student's feedback names a hidden test with its result only), where "expected 0 to be 25" alone
      // says nothing about what was counted.
      let failedLine: number | undefined;
      if (m.status === 'fail') {
        for (const f of m.errorFrames) {
          const pos = mapOf(i).lookup(f.line, f.column);
          if (pos && fileOf(pos.source) === suiteFile) {
            if (!hidden) failedLine = pos.line;
            const subject = m.details === undefined && message !== null ? expectSubject(sourceOfTests(), pos.line, pos.column) : null;
            if (subject && message !== null) {
              message = `expect(${subject}): ${message}`;
              if (messagePhrase) messagePhrase = phrase('withSubject', { subject, message: messagePhrase });
            }
            break;
          }
        }
      }
      const errorLocation = m.status === 'fail' ? workspaceLocation(i, m.errorFrames) : null;
      if (message !== null && errorLocation && m.details === undefined) {
        const at = `${errorLocation.file}:${errorLocation.line}:${errorLocation.column}`;
        message = `${message}\n    at ${at}`;
        if (messagePhrase) messagePhrase = phrase('at', { message: messagePhrase, at });
      }
      const details = (m.details ?? {}) as Record<string, unknown>;
      const code = (v: unknown) => (typeof v === 'string' ? v : v === null ? null : undefined);
      const result: TestResult = {
        name,
        ...(nameRu !== null ? { name_ru: nameRu } : {}),
        test_code: testCode,
        status: m.status,
        message: m.status === 'pass' ? null : message,
        ...(m.status !== 'pass' && messagePhrase ? { message_phrase: messagePhrase } : {}),
        output: hidden ? null : m.output,
        duration_ms: m.duration_ms,
        points: m.status === 'pass' ? suite.pointsPerTest : 0,
        max_points: suite.pointsPerTest,
        suite: suite.id,
        visibility: suite.visibility,
        file: suite.file,
        line,
        ...(failedLine !== undefined && failedLine !== line ? { failed_line: failedLine } : {}),
        ...(errorLocation && !hidden ? { error_location: errorLocation } : {}),
        ...(m.timedOut ? { reason: 'timeout' as const } : {}),
      };
      if (m.status !== 'pass' && m.details !== undefined && typeof m.details === 'object') {
        for (const k of SCENARIO_VALUE_KEYS) if (k in details) result[k] = details[k];
        if ('expected_error_code' in details) result.expected_error_code = code(details.expected_error_code);
        if ('actual_error_code' in details) result.actual_error_code = code(details.actual_error_code);
      }
      if (suiteMsg?.tampered) {
        // Built-ins were changed during this suite: none of its results can be trusted.
        if (result.status === 'pass') result.status = 'fail';
        const why = suiteMsg.tamperedPhrase ?? phrase('text', { text: suiteMsg.tampered });
        result.message_phrase = result.message && result.message_phrase ? phrase('lines', { lines: [why, result.message_phrase] }) : why;
        result.message = result.message ? `${suiteMsg.tampered}\n${result.message}` : suiteMsg.tampered;
        result.points = 0;
        result.reason = 'tampered';
      }
      suiteTests.push(result);
    }
    let status: SuiteSummary['status'];
    let message: string | null = null;
    let messagePhrase: Phrase | undefined;
    let reason: RunReason | undefined;
    if (!suiteMsg) {
      status = 'error';
      ({ message, message_phrase: messagePhrase } = said(describeOutcome(raw, limits)));
      reason = outcomeReason(raw);
    } else if (suiteMsg.status === 'error') {
      status = 'error';
      const where = workspaceFrame(i, suiteMsg.errorFrames);
      const own = suiteMsg.message === null ? said(phrase('suiteCouldNotRun')) : { message: suiteMsg.message, message_phrase: suiteMsg.messagePhrase ?? phrase('text', { text: suiteMsg.message }) };
      message = own.message + (where ? `\n    at ${where}` : '');
      messagePhrase = where ? phrase('at', { message: own.message_phrase, at: where }) : own.message_phrase;
      reason = suiteMsg.timedOut ? 'timeout' : 'load';
    } else if (suiteTests.length === 0) {
      status = 'error';
      ({ message, message_phrase: messagePhrase } = said(phrase('suiteNoTests')));
      reason = 'no_tests';
    } else {
      status = suiteTests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
    }
    tests.push(...suiteTests);
    summaries.push({
      id: suite.id,
      // The heading a reader sees (the id is for programs); defensive for callers that build suites by hand.
      ...(suite.title ? { title: { en: suite.title.en, ru: suite.title.ru } } : {}),
      file: suite.file,
      visibility: suite.visibility,
      status,
      message,
      ...(messagePhrase ? { message_phrase: messagePhrase } : {}),
      output: hidden ? null : (suiteMsg?.output ?? null),
      tests: suiteTests.length,
      passed: suiteTests.filter((t) => t.status === 'pass').length,
      points: suiteTests.reduce((a, t) => a + t.points, 0),
      max_points: suiteTests.reduce((a, t) => a + t.max_points, 0),
      duration_ms: Math.round(suiteTests.reduce((a, t) => a + t.duration_ms, 0) * 1000) / 1000,
      ...(reason ? { reason } : {}),
      ...(suiteMsg?.names ? { ru_names: suiteMsg.names } : {}),
    });
  }

  if (registrationProblem) {
    // The harness was reached from outside the suite files: none of this run's results can be trusted.
    for (const t of tests) {
      t.status = 'error';
      t.points = 0;
      Object.assign(t, registrationProblem);
      t.reason = 'registration';
    }
    for (const s of summaries) {
      s.status = 'error';
      s.passed = 0;
      s.points = 0;
      s.reason = 'registration';
      if (s.message === null) Object.assign(s, registrationProblem);
    }
  }

  const errored = summaries.find((s) => s.status === 'error');
  const result: RunResult = {
    version: 3,
    status: errored ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    ...(registrationProblem ??
      (errored
        ? {
            message: `${errored.id}: ${errored.message}`,
            message_phrase: phrase('suiteProblem', { suite: errored.id, message: errored.message_phrase ?? phrase('text', { text: errored.message ?? '' }) }),
          }
        : { message: null })),
    ...(registrationProblem ? { reason: 'registration' as const } : errored?.reason ? { reason: errored.reason } : {}),
    tests,
    exercise_id: exerciseId,
    suites: summaries,
    points: tests.reduce((a, t) => a + t.points, 0),
    max_points: tests.reduce((a, t) => a + t.max_points, 0),
    duration_ms: Math.round(performance.now() - started),
  };
  return RunResult.parse(capResult(result));
}

// Scores one run against the instructor's reference list of tests. Only tests the reference run knows
// can earn points: a submission cannot add tests, rename them, or claim points of its own; tests that
// did not run (compile error, timeout) count as errored with 0 points.
import type { RunResult, TestResult } from '../common/runResult';
import type { GradedTest, PartScore } from '../common/gradebook';
import { roundScore } from '../common/score';
import { phrase, type Phrase } from '../common/phrase';

export interface ReferenceTest {
  name: string;
  /** The Russian name, from the instructor's reference run. */
  name_ru?: string;
  suite: string;
  visibility: 'visible' | 'hidden';
  max_points: number;
}

export interface Scored {
  tests: GradedTest[];
  visible: PartScore;
  hidden: PartScore;
  score: number;
  maxScore: number;
  passed: number;
  failed: number;
  errored: number;
  ignored: number;
}

const RANK = { pass: 0, fail: 1, error: 2 } as const;
const DETAIL_KEYS = ['given', 'command', 'expected_events', 'actual_events', 'expected_error_code', 'actual_error_code'] as const;

export function referenceTestsOf(result: RunResult): ReferenceTest[] {
  const seen = new Set<string>();
  const out: ReferenceTest[] = [];
  for (const t of result.tests) {
    const key = `${t.suite}\u0000${t.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: t.name, ...(t.name_ru ? { name_ru: t.name_ru } : {}), suite: t.suite, visibility: t.visibility, max_points: t.max_points });
  }
  return out;
}

export function scoreRun(reference: ReferenceTest[], result: RunResult): Scored {
  const byKey = new Map<string, TestResult[]>();
  for (const t of result.tests) {
    const key = `${t.suite}\u0000${t.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const used = new Set<string>();
  const tests: GradedTest[] = reference.map((ref) => {
    const key = `${ref.suite}\u0000${ref.name}`;
    const runs = byKey.get(key) ?? [];
    used.add(key);
    if (runs.length === 0) {
      return { ...ref, status: 'error' as const, ...notRunMessage(result), points: 0, duration_ms: 0 };
    }
    // A name registered twice (e.g. by student code calling the harness) counts with its worst outcome.
    const worst = runs.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
    const details: Record<string, unknown> = {};
    for (const k of DETAIL_KEYS) if (worst[k] !== undefined) details[k] = worst[k];
    return {
      ...ref,
      status: worst.status,
      message: worst.status === 'pass' ? null : (worst.message ?? null),
      ...(worst.status !== 'pass' && worst.message_phrase ? { message_phrase: worst.message_phrase } : {}),
      points: worst.status === 'pass' ? ref.max_points : 0,
      duration_ms: runs.reduce((s, r) => s + r.duration_ms, 0),
      ...(worst.status !== 'pass' && Object.keys(details).length ? { details } : {}),
    };
  });
  const ignored = [...byKey.keys()].filter((k) => !used.has(k)).length;
  const part = (vis: 'visible' | 'hidden'): PartScore => {
    const ts = tests.filter((t) => t.visibility === vis);
    return {
      points: roundScore(ts.reduce((s, t) => s + t.points, 0)),
      max_points: roundScore(ts.reduce((s, t) => s + t.max_points, 0)),
      passed: ts.filter((t) => t.status === 'pass').length,
      failed: ts.filter((t) => t.status === 'fail').length,
      errored: ts.filter((t) => t.status === 'error').length,
    };
  };
  const visible = part('visible');
  const hidden = part('hidden');
  return {
    tests,
    visible,
    hidden,
    score: roundScore(visible.points + hidden.points),
    maxScore: roundScore(visible.max_points + hidden.max_points),
    passed: visible.passed + hidden.passed,
    failed: visible.failed + hidden.failed,
    errored: visible.errored + hidden.errored,
    ignored,
  };
}

function notRunMessage(result: RunResult): { message: string; message_phrase: Phrase } {
  if (result.status === 'error' && result.message) {
    const reason = firstLine(result.message);
    // The run's own phrase when its first line is all of it (a build error's frame keeps the compiler's line).
    const why = result.message_phrase && !result.message.includes('\n') ? result.message_phrase : phrase('text', { text: reason });
    return { message: `not run: ${reason}`, message_phrase: phrase('notRunBecause', { reason: why }) };
  }
  return { message: 'not run', message_phrase: phrase('notRun') };
}

export function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

// Property tests: random sequences of appends and reads against a deliberately simple model.
// Both implementations must agree with the model on every result and every error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, EventIdConflictError, type AppendResult, type ExpectedVersion, type NewEvent } from '../../../electron/engine/store';
import { implementations } from './implementations';

interface ModelEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
}

/** The model: a list of events; everything else is derived by filtering. */
class Model {
  log: ModelEvent[] = [];
  version(streamId: string): number {
    return this.log.filter((e) => e.streamId === streamId).length;
  }
  append(streamId: string, events: { type: string; data: unknown }[], expected: ExpectedVersion) {
    const actual = this.version(streamId);
    const ok =
      expected === 'any' ||
      ((expected === 'no_stream' || expected === 0) && actual === 0) ||
      (expected === 'stream_exists' && actual > 0) ||
      expected === actual;
    if (!ok) return { error: 'CONCURRENCY', actual };
    const first = this.log.length + 1;
    events.forEach((e, i) => this.log.push({ globalPosition: first + i, streamId, streamVersion: actual + i + 1, ...e }));
    return { nextExpectedVersion: actual + events.length, firstGlobalPosition: first, lastGlobalPosition: this.log.length, createdNewStream: actual === 0 };
  }
}

const streamIds = ['order-1', 'order-2', 'cart-1'];
const types = ['Created', 'Paid', 'Shipped'];
const jsonData = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.record({ amount: fc.integer({ min: 0, max: 10_000 }), note: fc.string(), tags: fc.array(fc.string(), { maxLength: 3 }) }),
);

const appendOp = fc.record({
  kind: fc.constant('append' as const),
  stream: fc.constantFrom(...streamIds),
  events: fc.array(fc.record({ type: fc.constantFrom(...types), data: jsonData }), { minLength: 1, maxLength: 4 }),
  // 'right' / 'wrong' are turned into numbers from the model at run time.
  expected: fc.constantFrom<ExpectedVersion | 'right' | 'wrong'>('any', 'no_stream', 'stream_exists', 'right', 'wrong', 0),
  withIds: fc.boolean(),
});
// Resend an earlier successful append with caller-chosen ids: it must return the original result.
const retryOp = fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() });
// Reuse an earlier id in another stream: a conflict that writes nothing.
const conflictOp = fc.record({ kind: fc.constant('conflict' as const), pick: fc.nat() });
const readStreamOp = fc.record({
  kind: fc.constant('readStream' as const),
  stream: fc.constantFrom(...streamIds, 'missing'),
  fromVersion: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  toVersion: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  maxCount: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  backward: fc.boolean(),
});
const readAllOp = fc.record({
  kind: fc.constant('readAll' as const),
  after: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  maxCount: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  types: fc.option(fc.subarray(types), { nil: undefined }),
});
const ops = fc.array(fc.oneof({ arbitrary: appendOp, weight: 3 }, readStreamOp, readAllOp, retryOp, conflictOp), { maxLength: 40 });

describe.each(implementations)('event store against a model ($name)', ({ open }) => {
  it('random appends and reads agree with the model', () => {
    fc.assert(
      fc.property(ops, (operations) => {
        const store = open();
        const model = new Model();
        const withIds: Array<{ stream: string; events: NewEvent[]; expected: ExpectedVersion; result: AppendResult }> = [];
        let nextId = 0;
        try {
          for (const op of operations) {
            if (op.kind === 'append') {
              const v = model.version(op.stream);
              const expected: ExpectedVersion = op.expected === 'right' ? v : op.expected === 'wrong' ? v + 1 : op.expected;
              const events: NewEvent[] = op.withIds ? op.events.map((e) => ({ ...e, eventId: `id-${nextId++}` })) : op.events;
              const want = model.append(op.stream, op.events, expected);
              let got: unknown;
              try {
                got = store.appendToStream(op.stream, events, { expectedVersion: expected });
                if (op.withIds) withIds.push({ stream: op.stream, events, expected, result: got as AppendResult });
              } catch (err) {
                if (!(err instanceof ConcurrencyError)) throw err;
                got = { error: err.code, actual: err.actual };
              }
              expect(got).toEqual(want);
            } else if (op.kind === 'retry') {
              if (withIds.length === 0) continue;
              const earlier = withIds[op.pick % withIds.length];
              expect(store.appendToStream(earlier.stream, earlier.events, { expectedVersion: earlier.expected })).toEqual(earlier.result);
            } else if (op.kind === 'conflict') {
              if (withIds.length === 0) continue;
              const earlier = withIds[op.pick % withIds.length];
              const other = streamIds.find((id) => id !== earlier.stream)!;
              expect(() => store.appendToStream(other, [earlier.events[0]])).toThrow(EventIdConflictError);
            } else if (op.kind === 'readStream') {
              const got = store.readStream(op.stream, {
                fromVersion: op.fromVersion,
                toVersion: op.toVersion,
                maxCount: op.maxCount,
                direction: op.backward ? 'backward' : 'forward',
              });
              let want = model.log.filter(
                (e) => e.streamId === op.stream && e.streamVersion >= (op.fromVersion ?? 1) && e.streamVersion <= (op.toVersion ?? Infinity),
              );
              if (op.backward) want = want.reverse();
              want = want.slice(0, op.maxCount ?? Infinity);
              expect(got.currentVersion).toBe(model.version(op.stream));
              expect(got.streamExists).toBe(model.version(op.stream) > 0);
              expect(got.events.map(pick)).toEqual(want);
            } else {
              const got = store.readAll({ after: op.after, maxCount: op.maxCount, types: op.types });
              const want = model.log
                .filter((e) => e.globalPosition > (op.after ?? 0) && (!op.types || op.types.includes(e.type)))
                .slice(0, op.maxCount ?? Infinity);
              expect(got.map(pick)).toEqual(want);
            }
          }
          // Invariants: positions strictly increase, each stream is numbered 1..n without gaps.
          const all = store.readAll();
          all.forEach((e, i) => i > 0 && expect(e.globalPosition).toBeGreaterThan(all[i - 1].globalPosition));
          for (const s of streamIds) {
            expect(store.readStream(s).events.map((e) => e.streamVersion)).toEqual(Array.from({ length: model.version(s) }, (_, i) => i + 1));
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

function pick(e: ModelEvent): ModelEvent {
  return { globalPosition: e.globalPosition, streamId: e.streamId, streamVersion: e.streamVersion, type: e.type, data: e.data };
}

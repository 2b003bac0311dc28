// The journal keeps each entry's body, its time apart and its sequence number implied by its place in
// the ring, and writes seq and time onto the body when it is first listed. These properties hold it
// to a plain list of { ...body, seq, time } (the simple representation) through adds past the limit
// (the ring drops old entries and now and then compacts its arrays), listing from any `after` with any
// `limit`, listing the same entries again, and 'produce' entries whose keys are still spans of a log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry, type JournalInput } from '../../../electron/engine/broker/journal';
import { StoredKeys } from '../../../electron/engine/broker/journalKeys';

type Step = { kind: 'add'; count: number; produce: boolean } | { kind: 'advance'; ms: number } | { kind: 'list'; after: number; limit: number | null };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 700 }), produce: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), after: fc.integer({ min: -5, max: 6000 }), limit: fc.option(fc.integer({ min: 0, max: 40 })) }) },
);

/** A body as the broker records it: a commit, or a produce whose keys are still StoredKeys over a column. */
function body(n: number, produce: boolean): { input: JournalInput; plain: Record<string, unknown> } {
  if (!produce) {
    const offsets = [{ topic: 't', partition: n % 3, offset: n }];
    return {
      input: { type: 'commit', groupId: 'g', memberId: `m${n % 2}`, generation: 1, auto: false, offsets },
      plain: { type: 'commit', groupId: 'g', memberId: `m${n % 2}`, generation: 1, auto: false, offsets: [{ topic: 't', partition: n % 3, offset: n }] },
    };
  }
  const column = [`a${n}`, null, `b${n}`, `c${n}`];
  const keys = new StoredKeys(column, 1, 2, new StoredKeys([`d${n}`], 0, 1, null));
  return {
    input: { type: 'produce', topic: 't', partition: 0, producerId: null, baseOffset: n, count: 3, keys },
    plain: { type: 'produce', topic: 't', partition: 0, producerId: null, baseOffset: n, count: 3, keys: [null, `b${n}`, `d${n}`] },
  };
}

describe('the journal ring', () => {
  it('lists what a plain list of numbered, timed entries lists, in the same key order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(step, { minLength: 1, maxLength: 30 }), (limit, steps) => {
        let now = 0;
        const journal = new Journal(limit, () => now);
        const model: Record<string, unknown>[] = [];
        let n = 0;
        for (const s of steps) {
          if (s.kind === 'advance') now += s.ms;
          else if (s.kind === 'add') {
            for (let i = 0; i < s.count; i++, n++) {
              const { input, plain } = body(n, s.produce);
              journal.add(input);
              model.push({ ...plain, seq: n + 1, time: now });
            }
          } else {
            const kept = model.slice(Math.max(0, model.length - limit));
            const want = kept.filter((e) => (e.seq as number) > s.after).slice(0, s.limit ?? Infinity);
            const got: JournalEntry[] = s.limit === null ? journal.list(s.after) : journal.list(s.after, s.limit);
            // toStrictEqual compares own keys; the JSON text also pins their order (seq and time come last)
            expect(got).toStrictEqual(want);
            expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          }
        }
        expect(journal.seq).toBe(n);
        const all = journal.list();
        expect(all.map((e) => e.seq)).toEqual(model.slice(Math.max(0, model.length - limit)).map((e) => e.seq));
        expect(journal.list()).toStrictEqual(all); // listing again gives the same entries
      }),
      { numRuns: 60 },
    );
  });
});

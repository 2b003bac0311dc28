// The journal keeps each entry's body (a consumer's poll or commit as packed fields), its time apart
// and its sequence number implied by its place in the ring, and makes the listed object on first
// listing. These properties hold it to a plain list of { ...body, seq, time } (the simple
// representation) through adds past the limit (the ring drops old entries and now and then compacts
// its arrays and the packed fields), listing from any `after` with any `limit`, listing the same
// entries again, packed entries whose field arrays the caller reuses, and 'produce' entries whose
// keys are still spans of a log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from '../../../electron/engine/broker/journal';
import { StoredKeys } from '../../../electron/engine/broker/journalKeys';

type Kind = 'commit' | 'produce' | 'packedPoll' | 'packedCommit';
type Step = { kind: 'add'; count: number; entry: Kind } | { kind: 'advance'; ms: number } | { kind: 'list'; after: number; limit: number | null };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 700 }), entry: fc.constantFrom<Kind>('commit', 'produce', 'packedPoll', 'packedCommit') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), after: fc.integer({ min: -5, max: 6000 }), limit: fc.option(fc.integer({ min: 0, max: 40 })) }) },
);

/** The fields arrays a consumer and the coordinator reuse for every poll and commit. */
const rangeFields: (string | number)[] = [];
const offsetFields: (string | number)[] = [];

/** Records entry `n` of the given kind; returns it as the journal should list it (seq and time aside). */
function add(journal: Journal, n: number, kind: Kind): Record<string, unknown> {
  if (kind === 'commit') {
    journal.add({ type: 'commit', groupId: 'g', memberId: `m${n % 2}`, generation: 1, auto: false, offsets: [{ topic: 't', partition: n % 3, offset: n }] });
    return { type: 'commit', groupId: 'g', memberId: `m${n % 2}`, generation: 1, auto: false, offsets: [{ topic: 't', partition: n % 3, offset: n }] };
  }
  if (kind === 'produce') {
    const column = [`a${n}`, null, `b${n}`, `c${n}`];
    journal.add({ type: 'produce', topic: 't', partition: 0, producerId: null, baseOffset: n, count: 3, keys: new StoredKeys(column, 1, 2, new StoredKeys([`d${n}`], 0, 1, null)) });
    return { type: 'produce', topic: 't', partition: 0, producerId: null, baseOffset: n, count: 3, keys: [null, `b${n}`, `d${n}`] };
  }
  const parts = n % 4; // 0 to 3 partitions, as a poll or commit may list
  if (kind === 'packedPoll') {
    const ranges = Array.from({ length: parts }, (_, p) => ({ topic: `t${p}`, partition: p, fromOffset: n, toOffset: n + p, count: p + 1 }));
    ranges.forEach((r, p) => rangeFields.splice(p * 5, 5, r.topic, r.partition, r.fromOffset, r.toOffset, r.count));
    journal.addPoll('g', `m${n % 3}`, n % 5, rangeFields, parts, n % 7, n % 2);
    rangeFields.fill(-1); // the caller reuses its array: the journal must have copied the fields
    return { type: 'poll', groupId: 'g', memberId: `m${n % 3}`, generation: n % 5, ranges, count: n % 7, heldBack: n % 2 };
  }
  const offsets = Array.from({ length: parts }, (_, p) => ({ topic: `t${p}`, partition: p, offset: n * 2 + p }));
  offsets.forEach((o, p) => offsetFields.splice(p * 3, 3, o.topic, o.partition, o.offset));
  journal.addCommit('g', `m${n % 3}`, n % 5, n % 2 === 0, offsetFields, parts);
  offsetFields.fill(-1);
  return { type: 'commit', groupId: 'g', memberId: `m${n % 3}`, generation: n % 5, auto: n % 2 === 0, offsets };
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
            for (let i = 0; i < s.count; i++, n++) model.push({ ...add(journal, n, s.entry), seq: n + 1, time: now });
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
        expect(all).toStrictEqual(model.slice(Math.max(0, model.length - limit)));
        expect(journal.list()).toStrictEqual(all); // listing again gives the same entries
      }),
      { numRuns: 60 },
    );
  });

  it('lists packed entries kept across a compaction of its arrays as they were recorded', () => {
    // limit 10: at the 1,035th add the ring has dropped 1,025 entries and compacts, keeping 10 unlisted ones
    for (const kind of ['packedPoll', 'packedCommit'] as const) {
      const journal = new Journal(10, () => 5);
      const model: Record<string, unknown>[] = [];
      for (let n = 0; n < 1035; n++) model.push({ ...add(journal, n, kind), seq: n + 1, time: 5 });
      expect(journal.list()).toStrictEqual(model.slice(-10));
    }
  });
});

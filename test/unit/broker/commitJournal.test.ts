// A commit without arguments commits the positions that moved since the group's last commit and
// journals exactly those; these properties hold it to a plain model (a map of committed offsets)
// through polls of any size, produces, explicit commits and rebalances.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBroker, type Consumer } from '../../../electron/engine/broker';

type Step =
  | { kind: 'produce'; count: number }
  | { kind: 'poll'; who: number; max: number }
  | { kind: 'commit'; who: number }
  | { kind: 'commitExplicit'; who: number; back: number }
  | { kind: 'join' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('produce' as const), count: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('poll' as const), who: fc.nat(2), max: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('commit' as const), who: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('commitExplicit' as const), who: fc.nat(2), back: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'join' as const }) },
);

const key = (topic: string, partition: number) => `${topic}-${partition}`;

describe('commits', () => {
  it('a commit journals the moved positions only, and the group keeps what was committed', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const broker = createBroker({ seed: 3 });
        broker.createTopic('t', { partitions: 4 });
        const producer = broker.producer();
        const consumers: Consumer[] = [];
        const unsynced = new Set<Consumer>(); // members that have not polled since the group's last rebalance
        const join = () => {
          const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
          c.subscribe(['t']);
          consumers.push(c);
          for (const m of consumers) unsynced.add(m);
        };
        join();
        join();
        const committed = new Map<string, number>(); // the model: the group's committed offsets
        let produced = 0;
        for (const s of steps) {
          if (s.kind === 'produce') {
            producer.send('t', Array.from({ length: s.count }, (_, i) => ({ key: `k${produced + i}`, value: produced + i })));
            produced += s.count;
            continue;
          }
          if (s.kind === 'join') {
            if (consumers.length < 3) join();
            continue;
          }
          const c = consumers[s.who % consumers.length];
          if (s.kind === 'poll') {
            c.poll({ maxRecords: s.max });
            unsynced.delete(c);
            continue;
          }
          const before = broker.journal().at(-1)?.seq ?? 0;
          const polledSinceRebalance = !unsynced.has(c);
          let offsets: { topic: string; partition: number; offset: number }[];
          if (s.kind === 'commit') {
            // what should move: assigned partitions whose position differs from the committed offset
            offsets = polledSinceRebalance
              ? c
                  .assignment()
                  .map((tp) => ({ ...tp, offset: c.position(tp) as number }))
                  .filter((o) => committed.get(key(o.topic, o.partition)) !== o.offset)
              : [];
          } else {
            offsets = c.assignment().map((tp) => ({ ...tp, offset: Math.max(0, (c.position(tp) ?? 0) - s.back) }));
          }
          let failed = false;
          try {
            if (s.kind === 'commit') c.commit();
            else c.commit(offsets);
          } catch (e) {
            expect((e as { code?: string }).code).toBe('COMMIT_FAILED');
            failed = true;
          }
          const added = broker.journal({ after: before });
          expect(failed).toBe(!polledSinceRebalance);
          if (failed) {
            // a member that has not polled since the group's last rebalance: nothing committed, one entry
            expect(added.map((e) => e.type)).toEqual(['commit.failed']);
            continue;
          }
          for (const o of offsets) committed.set(key(o.topic, o.partition), o.offset);
          if (offsets.length === 0) expect(added).toEqual([]);
          else {
            expect(added).toHaveLength(1);
            expect(added[0]).toMatchObject({ type: 'commit', groupId: 'g', memberId: c.memberId, auto: false, offsets });
          }
          for (let p = 0; p < 4; p++) expect(c.committed({ topic: 't', partition: p })).toBe(committed.get(key('t', p)) ?? null);
        }
      }),
      { numRuns: 80 },
    );
  });
});

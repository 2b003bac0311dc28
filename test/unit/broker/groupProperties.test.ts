// Property test: random scripts of produce / join / poll / commit / crash / close / clock moves
// against the at-least-once contract of a consumer group.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBroker, type AssignorName, type Consumer } from '../../../electron/engine/broker';

type Step =
  | { kind: 'produce'; n: number }
  | { kind: 'join' }
  | { kind: 'poll'; who: number; max: number }
  | { kind: 'commit'; who: number }
  | { kind: 'crash'; who: number }
  | { kind: 'close'; who: number }
  | { kind: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('produce' as const), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('join' as const) }),
  fc.record({ kind: fc.constant('poll' as const), who: fc.nat(5), max: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('commit' as const), who: fc.nat(5) }),
  fc.record({ kind: fc.constant('crash' as const), who: fc.nat(5) }),
  fc.record({ kind: fc.constant('close' as const), who: fc.nat(5) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
);

describe('consumer group properties', () => {
  it('never gives a partition two owners, never redelivers committed records, and loses nothing', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60 }),
        fc.constantFrom<AssignorName>('range', 'roundrobin', 'sticky'),
        fc.boolean(),
        (steps, assignor, autoCommit) => {
          const broker = createBroker({ seed: 1 });
          broker.createTopic('t', { partitions: 4 });
          const producer = broker.producer();
          const consumers: Consumer[] = [];
          const opts = { groupId: 'g', autoOffsetReset: 'earliest' as const, assignor, autoCommit, autoCommitIntervalMs: 1000 };
          let produced = 0;
          let key = 0;
          const delivered = new Set<string>();
          const live = () => consumers.filter((c) => c.status === 'active');

          for (const s of steps) {
            const c = consumers.length > 0 ? consumers[('who' in s ? s.who : 0) % consumers.length] : undefined;
            switch (s.kind) {
              case 'produce':
                producer.send('t', Array.from({ length: s.n }, () => ({ key: `k${key++ % 13}`, value: produced++ })));
                break;
              case 'join': {
                if (live().length >= 5) break;
                const n = broker.consumer(opts);
                n.subscribe(['t']);
                consumers.push(n);
                break;
              }
              case 'poll':
                if (c?.status === 'active') {
                  const committedBefore = new Map(broker.describe().groups[0].partitions.map((p) => [p.partition, p.committed ?? 0]));
                  for (const r of c.poll({ maxRecords: s.max })) {
                    // at least once, but never a record the group had committed past
                    expect(r.offset).toBeGreaterThanOrEqual(committedBefore.get(r.partition) ?? 0);
                    delivered.add(`${r.partition}@${r.offset}`);
                  }
                }
                break;
              case 'commit':
                if (c?.status === 'active') {
                  try {
                    c.commit();
                  } catch (e) {
                    expect((e as { code?: string }).code).toBe('COMMIT_FAILED');
                  }
                }
                break;
              case 'crash':
                if (c?.status === 'active') c.crash();
                break;
              case 'close':
                if (c?.status === 'active') c.close();
                break;
              case 'advance':
                broker.clock.advance(s.ms);
                break;
            }
            // one owner per partition, and only live members own anything
            const g = broker.describe().groups[0];
            if (g) {
              const owners = g.members.flatMap((m) => m.assignment.map((tp) => tp.partition));
              expect(new Set(owners).size).toBe(owners.length);
              if (live().length > 0) expect(owners.sort()).toEqual([0, 1, 2, 3]);
            }
          }
          // drain with whoever is left (or a newcomer): every produced record is delivered at least once
          let drainer = live()[0];
          if (!drainer) {
            drainer = broker.consumer(opts);
            drainer.subscribe(['t']);
          }
          for (const other of live()) if (other !== drainer) other.close();
          for (let b = drainer.poll({ maxRecords: 100 }); b.length > 0; b = drainer.poll({ maxRecords: 100 })) {
            for (const r of b) delivered.add(`${r.partition}@${r.offset}`);
          }
          expect(delivered.size).toBe(produced);
        },
      ),
      { numRuns: 300, seed: 4242 },
    );
  });
});

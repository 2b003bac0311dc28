// Expected assignments are worked out by hand from Kafka's Java assignors (RangeAssignor,
// RoundRobinAssignor, AbstractStickyAssignor's constrained path) and from their javadoc examples.
import { describe, expect, it } from 'vitest';
import { assignors, javaHashMapOrder, javaStringHash, type AssignorMember, type TopicPartition } from '../../../electron/engine/broker';

type Compact = Record<string, string[]>;

/** 'topic-partition' strings per member, in the assignor's own order. */
function run(name: keyof typeof assignors, members: AssignorMember[], topics: Record<string, number>): Compact {
  const result = assignors[name](members, new Map(Object.entries(topics)));
  const out: Compact = {};
  for (const m of members) out[m.memberId] = (result.get(m.memberId) ?? []).map((tp) => `${tp.topic}p${tp.partition}`);
  return out;
}

const sorted = (c: Compact): Compact => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [...v].sort()]));
const m = (memberId: string, topics: string[], owned: string[] = []): AssignorMember => ({
  memberId,
  topics,
  owned: owned.map((s): TopicPartition => {
    const [topic, p] = s.split('p');
    return { topic, partition: Number(p) };
  }),
});

describe('range assignor', () => {
  it('gives each member a contiguous range per topic, the first members taking the extras (javadoc example)', () => {
    expect(sorted(run('range', [m('C0', ['t0', 't1']), m('C1', ['t0', 't1'])], { t0: 3, t1: 3 }))).toEqual({
      C0: ['t0p0', 't0p1', 't1p0', 't1p1'],
      C1: ['t0p2', 't1p2'],
    });
  });

  it('splits 7 partitions over 3 members as 3, 2, 2', () => {
    expect(run('range', [m('c2', ['t']), m('c0', ['t']), m('c1', ['t'])], { t: 7 })).toEqual({ c2: ['tp5', 'tp6'], c0: ['tp0', 'tp1', 'tp2'], c1: ['tp3', 'tp4'] });
  });

  it('leaves members beyond the partition count idle', () => {
    expect(run('range', ['a', 'b', 'c', 'd'].map((id) => m(id, ['t'])), { t: 2 })).toEqual({ a: ['tp0'], b: ['tp1'], c: [], d: [] });
  });

  it('sorts member ids as strings, so consumer-10 comes before consumer-2', () => {
    expect(run('range', ['consumer-2', 'consumer-10', 'consumer-1'].map((id) => m(id, ['t'])), { t: 5 })).toEqual({
      'consumer-2': ['tp4'],
      'consumer-10': ['tp2', 'tp3'],
      'consumer-1': ['tp0', 'tp1'],
    });
  });

  it('ranges each topic only over the members subscribed to it', () => {
    expect(sorted(run('range', [m('A', ['x']), m('B', ['x', 'y']), m('C', ['y'])], { x: 3, y: 4 }))).toEqual({
      A: ['xp0', 'xp1'],
      B: ['xp2', 'yp0', 'yp1'],
      C: ['yp2', 'yp3'],
    });
  });
});

describe('roundrobin assignor', () => {
  it('deals sorted partitions to sorted members in a circle (javadoc example 1)', () => {
    expect(sorted(run('roundrobin', [m('C0', ['t0', 't1']), m('C1', ['t0', 't1'])], { t0: 3, t1: 3 }))).toEqual({
      C0: ['t0p0', 't0p2', 't1p1'],
      C1: ['t0p1', 't1p0', 't1p2'],
    });
  });

  it('skips members not subscribed to a topic (javadoc example 2: 1, 2 and 3 partitions, nested subscriptions)', () => {
    expect(run('roundrobin', [m('C0', ['t0']), m('C1', ['t0', 't1']), m('C2', ['t0', 't1', 't2'])], { t0: 1, t1: 2, t2: 3 })).toEqual({
      C0: ['t0p0'],
      C1: ['t1p0'],
      C2: ['t1p1', 't2p0', 't2p1', 't2p2'],
    });
  });

  it('splits 7 partitions over 3 members as 0,3,6 / 1,4 / 2,5', () => {
    expect(run('roundrobin', [m('c0', ['t']), m('c1', ['t']), m('c2', ['t'])], { t: 7 })).toEqual({ c0: ['tp0', 'tp3', 'tp6'], c1: ['tp1', 'tp4'], c2: ['tp2', 'tp5'] });
  });
});

describe('sticky assignor', () => {
  const four = { t0: 2, t1: 2, t2: 2, t3: 2 };
  const all = ['t0', 't1', 't2', 't3'];

  it('starts like round robin: 8 partitions over 3 members (javadoc example 1, first half)', () => {
    expect(run('sticky', [m('C0', all), m('C1', all), m('C2', all)], four)).toEqual({
      C0: ['t0p0', 't1p1', 't3p0'],
      C1: ['t0p1', 't2p0', 't3p1'],
      C2: ['t1p0', 't2p1'],
    });
  });

  it('keeps every surviving member’s partitions when one leaves and deals out only the orphans', () => {
    // Kafka's constrained algorithm (2.8+) deals the orphans t0p1, t2p0, t3p1 round robin over the
    // members still under quota; the javadoc's second half shows the pre-2.8 algorithm's choice.
    expect(run('sticky', [m('C0', all, ['t0p0', 't1p1', 't3p0']), m('C2', all, ['t1p0', 't2p1'])], four)).toEqual({
      C0: ['t0p0', 't1p1', 't3p0', 't0p1'],
      C2: ['t1p0', 't2p1', 't2p0', 't3p1'],
    });
  });

  it('moves only what a joining member needs (6 partitions, a third member joins)', () => {
    expect(run('sticky', [m('a', ['t'], ['tp0', 'tp2', 'tp4']), m('b', ['t'], ['tp1', 'tp3', 'tp5']), m('c', ['t'])], { t: 6 })).toEqual({
      a: ['tp0', 'tp2'],
      b: ['tp1', 'tp3'],
      c: ['tp4', 'tp5'],
    });
    // round robin would have moved four partitions instead of two
    expect(run('roundrobin', [m('a', ['t']), m('b', ['t']), m('c', ['t'])], { t: 6 })).toEqual({ a: ['tp0', 'tp3'], b: ['tp1', 'tp4'], c: ['tp2', 'tp5'] });
  });

  it('lets members over quota keep the extra partition in java.util.HashMap order, as Kafka does', () => {
    // Java hash buckets: "q" → 1, "b" → 2, "x" → 8, so q is visited before b although b sorts first.
    expect(javaHashMapOrder(['b', 'q', 'x'])).toEqual(['q', 'b', 'x']);
    // 7 partitions, b and q had 4 and 3 (what sticky gave them), x joins: min 2, max 3, one member may keep 3.
    expect(run('sticky', [m('b', ['t']), m('q', ['t'])], { t: 7 })).toEqual({ b: ['tp0', 'tp2', 'tp4', 'tp6'], q: ['tp1', 'tp3', 'tp5'] });
    expect(run('sticky', [m('b', ['t'], ['tp0', 'tp2', 'tp4', 'tp6']), m('q', ['t'], ['tp1', 'tp3', 'tp5']), m('x', ['t'])], { t: 7 })).toEqual({
      b: ['tp0', 'tp2'],
      q: ['tp1', 'tp3', 'tp5'],
      x: ['tp4', 'tp6'],
    });
  });

  it('gives one partition each to the first members when there are more members than partitions', () => {
    expect(run('sticky', [m('a', ['t']), m('b', ['t']), m('c', ['t'])], { t: 2 })).toEqual({ a: ['tp0'], b: ['tp1'], c: [] });
  });

  it('balances better than round robin when subscriptions differ (javadoc example 2)', () => {
    const members = [m('C0', ['t0']), m('C1', ['t0', 't1']), m('C2', ['t0', 't1', 't2'])];
    expect(run('sticky', members, { t0: 1, t1: 2, t2: 3 })).toEqual({ C0: ['t0p0'], C1: ['t1p0', 't1p1'], C2: ['t2p0', 't2p1', 't2p2'] });
  });

  it('keeps all five surviving assignments when C0 leaves (javadoc example 2, continued)', () => {
    const members = [m('C1', ['t0', 't1'], ['t1p0', 't1p1']), m('C2', ['t0', 't1', 't2'], ['t2p0', 't2p1', 't2p2'])];
    expect(run('sticky', members, { t0: 1, t1: 2, t2: 3 })).toEqual({ C1: ['t1p0', 't1p1', 't0p0'], C2: ['t2p0', 't2p1', 't2p2'] });
  });

  it('with different subscriptions, moves partitions off an overloaded member to a newcomer that can take them', () => {
    // A owned everything of x and y; B joins subscribed to y only: y partitions move until balanced.
    const owned = ['xp0', 'xp1', 'yp0', 'yp1', 'yp2', 'yp3'];
    const r = run('sticky', [m('A', ['x', 'y'], owned), m('B', ['y'])], { x: 2, y: 4 });
    // y partitions are walked in order and each goes to the least-loaded candidate until balanced
    expect(r).toEqual({ A: ['xp0', 'xp1', 'yp3'], B: ['yp0', 'yp1', 'yp2'] });
  });

  it('always assigns every partition exactly once, to a subscribed member, with different subscriptions', () => {
    const rnd = (() => {
      let a = 99;
      return () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32);
    })();
    for (let round = 0; round < 200; round++) {
      const topics = { a: 1 + Math.floor(rnd() * 4), b: 1 + Math.floor(rnd() * 4), c: 1 + Math.floor(rnd() * 4) };
      const names = Object.keys(topics);
      const members = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => {
        const subs = names.filter(() => rnd() < 0.6);
        return m(`m${i}`, subs.length > 0 ? subs : ['a']);
      });
      const first = run('sticky', members, topics);
      // then one member leaves and the others report what they own
      const survivors = members.slice(1).map((x) => m(x.memberId, [...x.topics], first[x.memberId]));
      for (const [result, ms] of [[first, members], [survivors.length ? run('sticky', survivors, topics) : {}, survivors]] as const) {
        const expected = names.filter((t) => ms.some((x) => x.topics.includes(t))).flatMap((t) => Array.from({ length: topics[t as keyof typeof topics] }, (_, p) => `${t}p${p}`));
        expect(Object.values(result).flat().sort()).toEqual(expected.sort());
        for (const x of ms) for (const p of result[x.memberId] ?? []) expect(x.topics).toContain(p.split('p')[0]);
      }
    }
  });
});

describe("Java's String.hashCode", () => {
  it('matches known values', () => {
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('Aa')).toBe(2112);
    expect(javaStringHash('BB')).toBe(2112);
    expect(javaStringHash('')).toBe(0);
  });
});

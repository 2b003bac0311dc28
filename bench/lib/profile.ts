// Where a bench's time goes: runs a workload under V8's sampling CPU profiler (node:inspector, in
// this process) and sums the sampled time into named groups, so each bench can print its own
// breakdown beside its figures. A sample belongs to the nearest frame on its stack that a group
// matches, so native work (a SQLite statement's run(), a syscall) counts for the JS function that
// called into it: a group named after a statement's caller is that statement's cost.
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A group: a label and a test on the sampled frame's function name and file. */
export type Group = [label: string, match: (fn: string, url: string) => boolean];

export interface Breakdown {
  totalMs: number;
  /** Share of the sampled time per group, in the order given, then 'other'. */
  shares: { label: string; ms: number; percent: number }[];
  /** The functions with the most self time among those no group matched. */
  topOther: { fn: string; ms: number }[];
}

/** Profiles `work` (sampling every 100 µs; awaited when it returns a promise) and returns the self time per group. */
export async function profile(work: () => void | Promise<void>, groups: Group[]): Promise<Breakdown> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    return summarise(p, groups);
  } finally {
    session.disconnect();
  }
}

/** The breakdown of a profile another process wrote (`node --cpu-prof`): a .cpuprofile file's JSON. */
export function summariseProfileFile(json: string, groups: Group[]): Breakdown {
  return summarise(JSON.parse(json) as Profile, groups);
}

function summarise(p: Profile, groups: Group[]): Breakdown {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // group of a node: its own match, else its parent's (memoised per node)
  const groupOf = new Map<number, number>();
  const classify = (id: number): number => {
    const known = groupOf.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id) as ProfileNode;
    let k = groups.findIndex(([, match]) => match(node.callFrame.functionName, node.callFrame.url));
    if (k === -1) {
      const up = parent.get(id);
      k = up === undefined ? -1 : classify(up);
    }
    groupOf.set(id, k);
    return k;
  };
  const ms = new Array<number>(groups.length + 1).fill(0);
  let total = 0;
  const other = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    total += dt;
    const k = classify(node.id);
    ms[k === -1 ? groups.length : k] += dt;
    if (k === -1) {
      const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}`;
      other.set(name, (other.get(name) ?? 0) + dt);
    }
  }
  const labels = [...groups.map(([label]) => label), 'other (JS, GC, bench loop)'];
  return {
    totalMs: Math.round(total),
    shares: labels.map((label, i) => ({ label, ms: Math.round(ms[i]), percent: total > 0 ? Math.round((ms[i] / total) * 1000) / 10 : 0 })),
    topOther: [...other]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([f, t]) => ({ fn: f.trim(), ms: Math.round(t) })),
  };
}

/** The breakdown as indented lines for a bench's table. */
export function breakdownLines(title: string, b: Breakdown): string[] {
  return [
    `${title} (CPU profile, ${b.totalMs} ms sampled):`,
    ...b.shares.filter((s) => s.ms > 0).map((s) => `  ${String(s.percent).padStart(5)}%  ${s.label}`),
    `         other, by self time: ${b.topOther.map((o) => `${o.fn} ${o.ms} ms`).join('; ')}`,
  ];
}

/** Matches a function by name, optionally only in files whose path ends with `file`. */
export const fn =
  (names: string[], file?: string) =>
  (name: string, url: string): boolean =>
    names.includes(name) && (file === undefined || url.endsWith(file));

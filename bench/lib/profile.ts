// Where a bench's time goes: runs a workload under V8's sampling CPU profiler (node:inspector, in
// this process) and sums the self time of the sampled frames into named groups, so each bench can
// print its own breakdown beside its figures. Native work (SQLite, syscalls) is charged to the JS
// function that called into it, so a group named after a statement's caller is that statement's cost.
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
}

/** Profiles `work` (sampling every 100 µs) and returns the self time per group. */
export async function profile(work: () => void, groups: Group[]): Promise<Breakdown> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    work();
    const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    return summarise(p, groups);
  } finally {
    session.disconnect();
  }
}

function summarise(p: Profile, groups: Group[]): Breakdown {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const ms = new Array<number>(groups.length + 1).fill(0);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    total += dt;
    const k = groups.findIndex(([, match]) => match(node.callFrame.functionName, node.callFrame.url));
    ms[k === -1 ? groups.length : k] += dt;
  }
  const labels = [...groups.map(([label]) => label), 'other (JS, GC, bench loop)'];
  return {
    totalMs: Math.round(total),
    shares: labels.map((label, i) => ({ label, ms: Math.round(ms[i]), percent: total > 0 ? Math.round((ms[i] / total) * 1000) / 10 : 0 })),
  };
}

/** The breakdown as indented lines for a bench's table. */
export function breakdownLines(title: string, b: Breakdown): string[] {
  return [`${title} (CPU profile, ${b.totalMs} ms sampled):`, ...b.shares.filter((s) => s.ms > 0).map((s) => `  ${String(s.percent).padStart(5)}%  ${s.label}`)];
}

/** Matches a function by name, optionally only in files whose path ends with `file`. */
export const fn =
  (names: string[], file?: string) =>
  (name: string, url: string): boolean =>
    names.includes(name) && (file === undefined || url.endsWith(file));

// CPU time of this process and of its child processes, split by kind (the esbuild service, sandbox
// processes, anything else), read from /proc: on a shared machine wall time mostly measures the
// neighbours, CPU time measures the work. Children that ended and were reaped count through this
// process's cutime/cstime ("reaped"). Linux only; elsewhere every figure is 0.
import fs from 'node:fs';

/** /proc/<pid>/stat counts CPU time in USER_HZ ticks, 100 per second on Linux. */
const TICK_MS = 10;

export interface CpuSample {
  hostMs: number;
  /** CPU of living descendants by kind, by pid (to take deltas of processes that lived through both samples). */
  children: Map<number, { kind: string; ms: number }>;
  /** CPU of reaped children (ended during the interval: their kind is unknown). */
  reapedMs: number;
}

function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function kindOf(pid: number): string {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmd.includes('esbuild')) return 'esbuild';
    if (cmd.includes('harness-')) return 'sandbox';
    if (cmd.includes('stopAll')) return 'guardian'; // runner/guardian.ts's script
    if (cmd.includes('for (;;)')) return 'load';
    return 'other';
  } catch {
    return 'other';
  }
}

function walk(pid: number, out: CpuSample['children']): void {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tasks) {
    let children: string[] = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      continue;
    }
    for (const c of children) {
      const child = Number(c);
      const f = statFields(child);
      if (f) out.set(child, { kind: kindOf(child), ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
      walk(child, out);
    }
  }
}

export function sampleCpu(): CpuSample {
  const usage = process.cpuUsage();
  const children = new Map<number, { kind: string; ms: number }>();
  walk(process.pid, children);
  const self = statFields('self');
  return { hostMs: (usage.user + usage.system) / 1000, children, reapedMs: self ? (Number(self[13]) + Number(self[14])) * TICK_MS : 0 };
}

/** CPU spent between two samples: the host, and the children by kind ('reaped' for those that ended). */
export function cpuBetween(before: CpuSample, after: CpuSample): Record<string, number> {
  const out: Record<string, number> = { host: after.hostMs - before.hostMs };
  for (const [pid, c] of after.children) {
    const delta = c.ms - (before.children.get(pid)?.ms ?? 0);
    out[c.kind] = (out[c.kind] ?? 0) + delta;
  }
  // A child that ended in between is counted whole in `reaped`: take off what it had used before.
  let gone = 0;
  for (const [pid, c] of before.children) if (!after.children.has(pid)) gone += c.ms;
  out.reaped = after.reapedMs - before.reapedMs - gone;
  return out;
}

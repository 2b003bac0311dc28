// Benchmark: grade generated classes of 30, 100 and 300 submissions through the CLI (half correct, half
// mutants with a few hostile ones) at the default concurrency; wall time, time per submission, and the
// peak resident memory of the grader and its sandbox processes together (sampled from /proc). CPU time
// and the load average are reported too: on a shared machine wall time mostly measures the neighbours.
// Then where the CPU goes: one sandboxed run profiled (start-up vs job, grouped), and the grader
// process profiled while it grades the 30 class again (GRADING_BENCH_PROFILE=0 skips both).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBenchClass, EXERCISE_ID, ROOT } from '../test/integration/grading/fixtureClass';
import { breakdownLines } from './lib/profile';
import { graderBreakdown, profileSandboxRun } from './lib/gradingProfile';

// 30, 100 and 300: the targets (30 and 300) and how the cost grows in between.
const SIZES = (process.env.GRADING_BENCH_SIZES ?? '30,100,300').split(',').map(Number);

/** RSS (bytes) of a process and all its descendants, read from /proc. */
function treeRss(pid: number): number {
  let total = 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    if (m) total += Number(m[1]) * 1024;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) total += treeRss(Number(c));
    }
  } catch {
    // The process ended between listing and reading.
  }
  return total;
}

/** CPU seconds (user + system) of this process's reaped children and their reaped children, from /proc. */
function childrenCpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 is index 0: cutime is field 16, cstime field 17 (clock ticks, 100 per second on Linux).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

interface ClassFigures {
  submissions: number;
  wall_s: number;
  per_submission_ms: number;
  cpu_s: number;
  cpu_per_submission_ms: number;
  load_avg_1m: number;
  peak_rss_mb: number;
  graded: number;
  /** Seconds per phase of the grader (catalog, discover, runs, similarity, reports), from its own summary. */
  phases_s: Record<string, number>;
  /** Mean wall ms per sandboxed run (runs overlap at the concurrency): bundling, waiting for a process, the sandbox, the result. */
  per_run_ms: Record<string, number>;
  /** CPU per submission: the grader process itself (tsx, discovery, bundling host side, results, similarity, reports) and its children (sandbox processes, esbuild). */
  cpu_split_ms: { grader: number; sandboxes_and_esbuild: number };
  similar_pairs: number | null;
}

async function gradeClass(size: number, work: string, profileDir?: string): Promise<ClassFigures> {
  const input = path.join(work, `class-${size}`);
  const out = path.join(work, `out-${size}`);
  if (!fs.existsSync(input)) buildBenchClass(input, size, path.join(work, 'ESCAPED'));
  const load = os.loadavg()[0]!;
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  // What `npm run grade` runs (scripts/grade.mjs: the CLI's bundle; built before the first class, so no class pays for the build).
  // The profiled run goes through tsx instead, so that every profiled frame keeps its source file (the groups match by file).
  const cli = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=1000', '--import', 'tsx', path.join(ROOT, 'electron/cli/grade.ts')]
    : [path.join(ROOT, 'scripts/grade.mjs')];
  const child = spawn(process.execPath, [...cli, input, '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const wall = (performance.now() - started) / 1000;
  const cpu = childrenCpuSeconds() - cpuBefore;
  if (code !== 0) throw new Error(`grade exited with ${code}:\n${stderr}`);
  const gb = JSON.parse(fs.readFileSync(path.join(out, 'gradebook.json'), 'utf8')) as { entries: Array<{ status: string }>; similarity?: { pairs_over_threshold: number } };
  const phases = Object.fromEntries(
    [...(/time by phase: (.*)/.exec(stdout)?.[1] ?? '').matchAll(/(\w+) ([\d.]+) s/g)].map((m) => [m[1]!, Number(m[2])]),
  );
  const perRun = /per run \(mean of \d+\): bundle ([\d.]+) ms, wait for a sandbox ([\d.]+) ms, sandbox ([\d.]+) ms, results ([\d.]+) ms/.exec(stdout);
  const graderCpu = Number(/grader CPU ([\d.]+) s/.exec(stdout)?.[1] ?? NaN);
  if (fs.existsSync(path.join(work, 'ESCAPED'))) throw new Error('hostile code escaped the sandbox');
  process.stderr.write(stdout);
  return {
    submissions: size,
    wall_s: Math.round(wall * 100) / 100,
    per_submission_ms: Math.round((wall * 1000) / size),
    cpu_s: Math.round(cpu * 100) / 100,
    cpu_per_submission_ms: Math.round((cpu * 1000) / size),
    load_avg_1m: Math.round(load * 100) / 100,
    peak_rss_mb: Math.round(peak / (1024 * 1024)),
    graded: gb.entries.filter((e) => e.status === 'graded').length,
    phases_s: phases,
    per_run_ms: perRun ? { bundle: Number(perRun[1]), wait: Number(perRun[2]), sandbox: Number(perRun[3]), results: Number(perRun[4]) } : {},
    cpu_split_ms: { grader: Math.round((graderCpu * 1000) / size), sandboxes_and_esbuild: Math.round(((cpu - graderCpu) * 1000) / size) },
    similar_pairs: gb.similarity?.pairs_over_threshold ?? null,
  };
}

export async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-grading-'));
  try {
    // The CLI's bundle is built (when its sources changed) by a first start that only prints the usage.
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/grade.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const classes: ClassFigures[] = [];
    for (const size of SIZES) {
      const r = await gradeClass(size, work);
      console.log(
        `${String(r.submissions).padStart(5)} submissions  ${r.wall_s.toFixed(2).padStart(7)} s wall  ${String(r.per_submission_ms).padStart(5)} ms/submission  ` +
          `${r.cpu_s.toFixed(1).padStart(6)} s CPU (${r.cpu_per_submission_ms} ms/submission)  peak ${r.peak_rss_mb} MB  load ${r.load_avg_1m}  (${r.graded} graded)`,
      );
      console.log(`        where the time goes: ${Object.entries(r.phases_s).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}; similarity pairs over the threshold: ${r.similar_pairs}`);
      console.log(
        `        per run (wall, overlapping): ${Object.entries(r.per_run_ms).map(([k, v]) => `${k} ${v} ms`).join(', ')}; ` +
          `CPU per submission: grader ${r.cpu_split_ms.grader} ms, sandbox processes + esbuild ${r.cpu_split_ms.sandboxes_and_esbuild} ms`,
      );
      classes.push(r);
    }
    const peak = Math.max(...classes.map((c) => c.peak_rss_mb));
    // How the cost grows: the marginal wall and CPU time per extra submission between sizes (flat = linear growth).
    const growth = classes.slice(1).map((c, i) => {
      const prev = classes[i]!;
      const n = c.submissions - prev.submissions;
      return { from: prev.submissions, to: c.submissions, wall_ms_per_extra: Math.round(((c.wall_s - prev.wall_s) * 1000) / n), cpu_ms_per_extra: Math.round(((c.cpu_s - prev.cpu_s) * 1000) / n) };
    });
    if (growth.length) {
      console.log(`growth: ${classes.map((c) => `${c.submissions} → ${c.wall_s} s`).join(', ')}; per extra submission: ${growth.map((g) => `${g.from}→${g.to} ${g.wall_ms_per_extra} ms wall, ${g.cpu_ms_per_extra} ms CPU`).join('; ')}`);
    }
    // Where the CPU goes: a sandboxed run (the larger share per submission), then the grader process.
    let profiles: { sandbox_run: { startup_ms: number; run_ms: number; shares: Record<string, number> }; grader: Record<string, number> } | undefined;
    if (process.env.GRADING_BENCH_PROFILE !== '0') {
      const sandbox = await profileSandboxRun(ROOT, EXERCISE_ID);
      console.log(
        `one sandboxed grading run (${sandbox.exercise}, reference solution, ${sandbox.suites} suites, fresh process): ${sandbox.runMs} ms CPU, ` +
          `of which ${sandbox.startupMs} ms start-up without a job (Node, frozen intrinsics, the harness) and ${sandbox.runMs - sandbox.startupMs} ms the job`,
      );
      for (const line of breakdownLines('  the run by what it does', sandbox.breakdown)) console.log(line);
      const profileDir = path.join(work, 'grader-profile');
      const profiled = await gradeClass(SIZES[0] ?? 30, work, profileDir);
      const grader = graderBreakdown(profileDir);
      console.log(`the grader process grading ${profiled.submissions} submissions again under the profiler, through tsx (${profiled.cpu_split_ms.grader} ms of grader CPU per submission, profiled):`);
      for (const line of breakdownLines('  the grader by what it does', grader)) console.log(line);
      const shares = (b: typeof grader) => Object.fromEntries(b.shares.map((x) => [x.label, x.percent]));
      profiles = { sandbox_run: { startup_ms: sandbox.startupMs, run_ms: sandbox.runMs, shares: shares(sandbox.breakdown) }, grader: shares(grader) };
    }
    console.log(
      JSON.stringify({
        bench: 'grading',
        cores: os.availableParallelism(),
        classes: classes.map(({ graded: _graded, ...figures }) => figures),
        peak_rss_mb: peak,
        growth,
        ...(profiles ? { profiles } : {}),
      }),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Where a warm Run tests goes inside the sandbox process itself, for `npm run bench -- runner`: one real
// sandbox process (the harness file, every flag the runner starts it with but the permission model,
// under which Node turns the profiler off) is sent the test bundle ahead, then `runs` jobs of the visible
// suites one after another, as a student's reused process is: the student's module built afresh for each
// job, a reset ping after each, and a pause in which the process does its between-jobs work (the idle
// collection, the next job's contexts). It writes a CPU profile (`--cpu-prof`); its start, warm-up and
// first two jobs are cut off by time (a profile's times are the monotonic clock, as `process.hrtime`).
// Besides the profile: the process's CPU per job from /proc, and the part of it spent on the jobs
// themselves (each job's `done` message says so), so the rest is between jobs, off a run's path.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunnerExercise } from '../../electron/engine/runner';
import { harnessFile } from '../../electron/engine/runner/harnessFile';
import { perTestTimeoutMs } from '../../electron/engine/runner/runner';
import { sandboxArgs } from '../../electron/engine/runner/sandboxPool';
import { visibleSuitesBundler } from './visibleSuitesBundler';
import { summariseProfileFile, type Breakdown, type Group } from './profile';

const harness = (names: string[]) => (name: string, url: string) => names.includes(name) && /harness-[0-9a-f]+\.cjs$/.test(url);

/** The phases of a warm job in the sandbox process, and its work between jobs. */
const WARM_SANDBOX_GROUPS: Group[] = [
  ['between jobs: taking and calling the idle collection (its own time is under garbage collection)', harness(['collectYoung', 'afterJobs'])],
  ['between jobs: the next contexts (createContext, prelude, built-ins snapshot)', harness(['prepareWhileIdle', 'prepareSpare', 'prepare'])],
  ['the reset ping', harness(['openSandboxes'])],
  ['job: reading it (stdin, JSON.parse)', (name, url) => (name === 'parse' && url === '') || (name === 'onStreamRead' && url.includes('stream_base_commons'))],
  ['job: a context made on its path (no spare ready)', harness(['createSandbox'])],
  ["job: linking the student's module (compile, factory)", harness(['linkStudentModule'])],
  ['job: freezing the read-only exports', harness(['freezeModule'])],
  ['job: built-ins checks (after loading, after the tests)', harness(['changed'])],
  ['job: evaluating the test bundle in each context', harness(['load'])],
  ['job: tests and hooks (with expect)', harness(['drive'])],
  ['job: reports (JSON, writing)', harness(['send', 'flush'])],
  ['garbage collection (the idle collection between jobs included)', (name) => name === '(garbage collector)'],
];

interface ProfileFile {
  startTime: number;
  samples: number[];
  timeDeltas: number[];
  nodes: unknown[];
}

export interface WarmSandboxFigures {
  /** The profile of the profiled jobs (with the between-jobs work that followed each). */
  breakdown: Breakdown;
  /** The process's CPU per job, ms (/proc: all its threads, between jobs included). */
  cpuMsPerRun: number;
  /** Of that, the jobs themselves, ms per job (as the process measures each job). */
  jobCpuMsPerRun: number;
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** `runs` warm jobs of the visible suites in one real sandbox process, after two that are not counted. */
export async function warmSandboxProcessBreakdown(exercise: RunnerExercise, files: () => Record<string, string>, engineDir: string, runs: number): Promise<WarmSandboxFigures> {
  const { manifest } = exercise;
  const { bundler, visible } = visibleSuitesBundler(exercise, engineDir);
  const builds = [];
  try {
    for (let i = 0; i < runs + 2; i++) {
      const b = await bundler.bundle(exercise.readonly, files());
      if (!b.ok) throw new Error(`the solution did not build: ${b.message}`);
      builds.push(b);
    }
  } finally {
    await bundler.close();
  }
  const file = await harnessFile();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-warm-'));
  try {
    const args = sandboxArgs(file, manifest.limits.memoryMb).filter((a) => !a.startsWith('--experimental-permission') && a !== '--permission' && !a.startsWith('--allow-fs-read'));
    const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', ...args], { env: {}, cwd: path.dirname(file), stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.setEncoding('utf8');
    let out = '';
    let waiting: { until: (text: string) => boolean; resolve: () => void } | undefined;
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (waiting?.until(out)) waiting.resolve();
    });
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const until = async (test: (text: string) => boolean): Promise<void> => {
      const ended = closed.then(() => {
        throw new Error('the profiled sandbox process ended before its jobs did');
      });
      ended.catch(() => undefined);
      await Promise.race([new Promise<void>((resolve) => (test(out) ? resolve() : (waiting = { until: test, resolve }))), ended]);
    };
    const processCpuMs = (): number => {
      const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    };
    // The host's part of a run (assembling, the next build) takes about this long between two jobs.
    const betweenJobs = () => new Promise((resolve) => setTimeout(resolve, 40));
    child.stdin.write(`${JSON.stringify({ kind: 'bundle', bundle: builds[0]!.bundle })}\n`);
    await betweenJobs();
    let profiledFromUs = 0;
    let cpuFrom = 0;
    let jobCpu = 0;
    for (let i = 0; i < builds.length; i++) {
      if (i === 2) {
        profiledFromUs = nowUs();
        cpuFrom = processCpuMs();
      }
      const b = builds[i]!;
      const nonce = randomBytes(16).toString('hex');
      const runId = randomBytes(8).toString('hex');
      out = '';
      const job = {
        testTimeoutMs: perTestTimeoutMs(manifest.limits.timeoutMs),
        testOutputCap: 8000,
        outputCap: 1_000_000,
        bundle: { id: b.bundle.id },
        modules: b.modules,
        suites: visible.map((_, index) => ({ index })),
        nonce,
        runId,
      };
      child.stdin.write(`${JSON.stringify(job)}\n`);
      await until((t) => t.includes(`"runId":"${runId}","t":"done"`));
      if (/"status":"(fail|error)"/.test(out)) throw new Error('a test failed in the profiled warm sandbox');
      if (i >= 2) jobCpu += Number(/"t":"done"[^\n]*"cpuMs":([\d.]+)/.exec(out)?.[1] ?? NaN);
      const ping = randomBytes(8).toString('hex');
      child.stdin.write(`${JSON.stringify({ ping })}\n`);
      await until((t) => t.includes(`pong ${ping} clean`));
      await betweenJobs();
    }
    const cpuMsPerRun = (processCpuMs() - cpuFrom) / runs;
    child.stdin.end(); // the process ends when its input does, and writes its profile
    await closed;
    const [name] = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (!name) throw new Error('the profiled sandbox process wrote no profile');
    const profile = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ProfileFile;
    return { breakdown: summariseProfileFile(JSON.stringify(from(profile, profiledFromUs)), WARM_SANDBOX_GROUPS), cpuMsPerRun, jobCpuMsPerRun: jobCpu / runs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of a profile from a moment on (µs of the monotonic clock). */
function from(p: ProfileFile, fromUs: number): ProfileFile {
  let t = p.startTime;
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t >= fromUs) {
      samples.push(p.samples[i]!);
      timeDeltas.push(p.timeDeltas[i] ?? 0);
    }
  }
  return { ...p, samples, timeDeltas };
}

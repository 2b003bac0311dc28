// Sandbox processes: started with a stripped environment and Node's permission model (reads only
// the harness file; no writes, child processes, workers or addons), frozen intrinsics and no code
// generation from strings. A few fresh ones are kept warm. A process that ran code serves again only
// the same owner (one student's own runs; grading passes none, so every submission gets a fresh
// process), only after a clean, all-passing run, and only once it proved its reset: it answers a
// ping, and answers 'clean' (every suite's context closed). The ping measures liveness, not speed:
// a busy machine may answer late; a process is given up only when it burns CPU without answering
// (an endless promise chain) or dies. Every run has a wall-clock limit (SIGKILL), an output cap and
// a resident-memory watchdog on top of the V8 heap limit. A guardian process (guardian.ts) kills
// every sandbox process when the host dies, even by SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGuardian, type Guardian } from './guardian';
import { ChildMessage } from './protocol';

export type RunOutcome = 'done' | 'timeout' | 'oom' | 'memory' | 'output' | 'crashed';

export interface RawRun {
  messages: ChildMessage[];
  outcome: RunOutcome;
  /** Diagnostic text (stderr excerpt) for crashes. */
  detail: string;
  /** Whether the harness reported a timeout it recovered from (the process is not reused). */
  dirty: boolean;
  /** The sandbox process that ran it (diagnostics; tests check which runs shared a process). */
  pid?: number;
  /** Where the process came from: the owner's own (reused), a warm fresh one, or started for this run. */
  source?: ProcessSource;
  /** Waiting for a free slot and a ready process, ms (diagnostics for the bench). */
  waitMs?: number;
  /** Suite contexts the process had made ahead, and those it made during the run, as it says (the bench's figure). */
  contexts?: { ahead: number; made: number };
  /** CPU time the process spent on the job itself, ms, as it says (the bench's figure). */
  jobCpuMs?: number;
}

export type ProcessSource = 'reused' | 'fresh' | 'started';

/** What a sandbox process is asked to do: run suites, or call one export (the call API). */
export type SandboxJob =
  | {
      kind?: 'suites';
      testTimeoutMs: number;
      testOutputCap: number;
      outputCap: number;
      code?: string;
      /** A test bundle by id: its code is sent only to a process that was not sent it last. */
      bundle?: { id: string; code: string };
      /** The student's modules linked into the bundle. */
      modules?: Array<{ name: string; code: string; line: number }>;
      suites: Array<{ index: number; code?: string }>;
    }
  | { kind: 'call'; code: string; exportName: string; input: string; timeoutMs: number; outputCap: number; resultCap: number };

export interface PoolOptions {
  harnessFile: string;
  /** Node binary; defaults to this process's (with ELECTRON_RUN_AS_NODE under Electron). */
  nodePath?: string;
  /** Idle processes kept ready per memory limit. */
  warm?: number;
  maxRunsPerProcess?: number;
  /** Bytes of stdout a run may produce before the process is killed. */
  stdoutCap?: number;
  /** Runs at the same time (more wait their turn); default: the number of CPUs. */
  maxConcurrent?: number;
  /** Command prefix that fences the network (from networkIsolation()), or null. */
  spawnPrefix?: string[] | null;
  /**
   * 'baseline' for processes that serve one run each (grading): V8 stops at its baseline compiler
   * (`--max-opt=1`), since the process ends before optimised code would pay back its compile time
   * (7 % less CPU per graded submission, measured over every exercise). Default 'full'.
   */
  compilerTier?: 'full' | 'baseline';
}

let networkPrefix: Promise<string[] | null> | undefined;

/**
 * On Linux, runs the sandbox in its own network namespace (no interfaces up, not even loopback) when
 * `unshare` can do so for this user: probed once per host process. Elsewhere, or when user
 * namespaces are not allowed, the sandbox has no OS-level network fence (the vm layer still offers
 * no socket API). Resolves to the command prefix, or null.
 */
export function networkIsolation(): Promise<string[] | null> {
  networkPrefix ??= (async () => {
    if (process.platform !== 'linux') return null;
    const bin = ['/usr/bin/unshare', '/bin/unshare'].find((p) => fs.existsSync(p));
    if (!bin) return null;
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    for (const flags of root ? [['-n'], ['-rn']] : [['-rn']]) {
      const ok = await new Promise<boolean>((resolve) => {
        const probe = spawn(bin, [...flags, '--', process.execPath, '-e', '0'], { stdio: 'ignore', env: {} });
        const timer = setTimeout(() => probe.kill('SIGKILL'), 5000);
        probe.on('error', () => resolve(false));
        probe.on('exit', (code) => {
          clearTimeout(timer);
          resolve(code === 0);
        });
      });
      if (ok) return [bin, ...flags, '--'];
    }
    return null;
  })();
  return networkPrefix;
}

/** /proc/<pid>/stat counts CPU time in USER_HZ ticks, 100 per second on Linux. */
const CLOCK_TICKS = 100;

function permissionFlag(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 23 ? '--permission' : '--experimental-permission';
}

/** The sandbox process's command line after the Node binary (the bench starts the same process to profile it). */
export function sandboxArgs(harnessFile: string, memoryMb: number, compilerTier: PoolOptions['compilerTier'] = 'full'): string[] {
  return [
    permissionFlag(),
    `--allow-fs-read=${harnessFile}`,
    '--disallow-code-generation-from-strings',
    '--frozen-intrinsics',
    '--no-addons',
    `--max-old-space-size=${memoryMb}`,
    // V8's default on 64-bit; set explicitly so a NODE_OPTIONS or build default cannot raise it
    // past the real thread stack (which would crash instead of throwing RangeError).
    '--stack-size=984',
    '--no-warnings',
    '--no-deprecation',
    // A process that serves many runs: a young generation that holds a whole job's allocations, emptied
    // between jobs (sandbox/idleGc.ts), so no scavenge runs on a job's path. The heap limit above is
    // the old generation's; these 2 × 16 MB come on top, inside the resident-memory watchdog's margin.
    ...(compilerTier === 'baseline' ? ['--max-opt=1'] : ['--min-semi-space-size=16', '--max-semi-space-size=16']),
    harnessFile,
  ];
}

interface Idle {
  proc: SandboxProcess;
  /** Fresh processes are ready at once; a reused one after it answered a ping. */
  ready: Promise<boolean>;
}

class SandboxProcess {
  readonly proc: ChildProcess;
  runs = 0;
  /** The test bundle this process was sent last (it keeps it; the next job of the same bundle omits the code). */
  private lastBundle: string | undefined;
  private exited = false;
  private stderr = '';
  private onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  private onStdout: ((chunk: string) => void) | undefined;

  constructor(
    readonly memoryMb: number,
    opts: PoolOptions,
  ) {
    const env: NodeJS.ProcessEnv = {};
    if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
    const args = sandboxArgs(opts.harnessFile, memoryMb, opts.compilerTier);
    const node = opts.nodePath ?? process.execPath;
    const fence = opts.spawnPrefix ?? null;
    this.proc = spawn(fence ? fence[0]! : node, fence ? [...fence.slice(1), node, ...args] : args, {
      env,
      cwd: path.dirname(opts.harnessFile),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stdout!.on('data', (c: string) => this.onStdout?.(c));
    this.proc.stderr!.on('data', (c: string) => {
      if (this.stderr.length < 16_384) this.stderr += c.slice(0, 16_384 - this.stderr.length);
    });
    this.proc.stdin!.on('error', () => undefined); // EPIPE when the process died first
    this.proc.on('error', (err) => {
      // Could not start (a wrong Node path) or could not be signalled: report it as an exit.
      if (this.stderr.length < 16_384) this.stderr += `${err.message}\n`;
      if (!this.exited && this.proc.pid === undefined) {
        this.exited = true;
        this.onExit?.(null, null);
      }
    });
    // 'close', not 'exit': it comes after stderr is drained, so the reason a process died is never lost.
    this.proc.on('close', (code, signal) => {
      if (this.exited) return;
      this.exited = true;
      this.onExit?.(code, signal);
    });
  }

  /**
   * Sends a test bundle ahead of any job (tests, support and read-only files only: no student code), so
   * the process compiles it while it waits and the job that needs it need not carry it.
   */
  preload(bundle: { id: string; code: string }): void {
    if (!this.alive || this.runs > 0 || this.lastBundle === bundle.id) return;
    this.lastBundle = bundle.id;
    this.proc.stdin!.write(JSON.stringify({ kind: 'bundle', bundle }) + '\n');
  }

  get alive(): boolean {
    return !this.exited && this.proc.exitCode === null;
  }

  kill(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }

  /** CPU time (user + system) the process used so far, in ms; null where /proc is not there. */
  cpuMs(): number | null {
    try {
      const stat = fs.readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  /**
   * Resolves true when the process answers a ping and reports every suite context closed: it is alive
   * and reset. Liveness, not speed: on a busy machine the answer may take long and is waited for; the
   * process is given up when it spends `stuckCpuMs` of CPU without answering (its event loop is
   * starved, e.g. by an endless promise chain), dies, or (where CPU time cannot be read) after `fallbackMs`.
   */
  checkReset(stuckCpuMs = 400, fallbackMs = 3000): Promise<boolean> {
    const id = randomBytes(8).toString('hex');
    return new Promise<boolean>((resolve) => {
      let seen = '';
      const startCpu = this.cpuMs();
      const started = performance.now();
      const done = (ok: boolean) => {
        clearInterval(watch);
        this.onStdout = undefined;
        this.onExit = undefined;
        resolve(ok);
      };
      const watch = setInterval(() => {
        const cpu = this.cpuMs();
        if (cpu !== null && startCpu !== null ? cpu - startCpu > stuckCpuMs : performance.now() - started > fallbackMs) done(false);
      }, 50);
      this.onExit = () => done(false);
      this.onStdout = (chunk) => {
        seen += chunk;
        const m = new RegExp(`pong ${id} (\\w+)\n`).exec(seen);
        if (m) done(m[1] === 'clean');
        else if (seen.length > 4096) done(false);
      };
      if (!this.alive) return done(false);
      this.proc.stdin!.write(JSON.stringify({ ping: id }) + '\n');
    });
  }

  run(job: SandboxJob, wallMs: number, stdoutCap: number): Promise<RawRun> {
    this.runs++;
    const nonce = randomBytes(16).toString('hex');
    const runId = randomBytes(8).toString('hex');
    const messages: ChildMessage[] = [];
    let received = 0;
    let buffer = '';
    this.stderr = '';
    return new Promise<RawRun>((resolve) => {
      let settled = false;
      let killedFor: RunOutcome | undefined;
      let contexts: RawRun['contexts'];
      let jobCpuMs: number | undefined;
      const finish = (outcome: RunOutcome, dirty: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(wall);
        clearInterval(watch);
        this.onStdout = undefined;
        this.onExit = undefined;
        resolve({ messages, outcome, detail: this.stderr.slice(0, 4000), dirty, pid: this.proc.pid, ...(contexts ? { contexts } : {}), ...(jobCpuMs !== undefined ? { jobCpuMs } : {}) });
      };
      const stop = (why: RunOutcome) => {
        killedFor ??= why;
        this.kill();
        // Should the exit never be reported, do not hang the caller.
        setTimeout(() => finish(why, true), 2000).unref();
      };
      const wall = setTimeout(() => stop('timeout'), wallMs);
      // Resident memory watchdog: the heap limit does not cover ArrayBuffers.
      const rssLimit = (this.memoryMb + 256) * 1024 * 1024;
      const statm = `/proc/${this.proc.pid}/statm`;
      const watch = setInterval(() => {
        try {
          const pages = Number(fs.readFileSync(statm, 'utf8').split(' ')[1]);
          if (pages * 4096 > rssLimit) stop('memory');
        } catch {
          // not Linux, or the process is gone
        }
      }, 25);
      this.onExit = (code, signal) => {
        if (killedFor) return finish(killedFor, true);
        const oom = /heap out of memory|Reached heap limit|allocation failed/i.test(this.stderr);
        finish(oom ? 'oom' : 'crashed', true);
        void code;
        void signal;
      };
      this.onStdout = (chunk) => {
        received += chunk.length;
        if (received > stdoutCap) return stop('output');
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (!line.startsWith(nonce)) continue; // not from the harness: ignore
          let parsed: ChildMessage;
          try {
            const checked = ChildMessage.safeParse(JSON.parse(line.slice(nonce.length)));
            if (!checked.success || checked.data.runId !== runId) continue;
            parsed = checked.data;
          } catch {
            continue;
          }
          messages.push(parsed);
          if (parsed.t === 'done') {
            contexts = parsed.contexts;
            jobCpuMs = parsed.cpuMs;
            finish('done', parsed.dirty);
          }
        }
      };
      if (!this.alive) {
        finish('crashed', true);
        return;
      }
      let sent: object = job;
      if (job.kind !== 'call' && job.bundle) {
        sent = job.bundle.id === this.lastBundle ? { ...job, bundle: { id: job.bundle.id } } : job;
        this.lastBundle = job.bundle.id;
      }
      this.proc.stdin!.write(JSON.stringify({ ...sent, nonce, runId }) + '\n');
    });
  }
}

/** A process that ran an owner's code, kept for that owner's next run once it proved its reset. */
interface Kept {
  proc: SandboxProcess;
  ready: Promise<boolean>;
}

export class SandboxPool {
  /** Fresh processes (no code ran in them yet), per memory limit: any run may take one. */
  private readonly idle = new Map<number, Idle[]>();
  /** Used processes, per owner and memory limit: only that owner's next run may take one. */
  private readonly kept = new Map<string, Kept>();
  private readonly busy = new Set<SandboxProcess>();
  /** Started with the first sandbox process, right after it (so that process starts booting first). */
  private guardian: Guardian | null | undefined;
  private closed = false;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly counts = { reused: 0, fresh: 0, started: 0, resetRefused: 0 };
  /** Per memory limit, the test bundle fresh processes get ahead of their first job (see `preload`). */
  private readonly preloads = new Map<number, { id: string; code: string }>();

  constructor(private readonly opts: PoolOptions) {}

  private spawn(memoryMb: number): SandboxProcess {
    const proc = new SandboxProcess(memoryMb, this.opts);
    // Before any job can reach the new process (jobs are written after this returns).
    if (this.guardian === undefined) this.guardian = startGuardian(this.opts.nodePath);
    const pid = proc.proc.pid;
    if (pid !== undefined && this.guardian) {
      this.guardian.watch(pid);
      proc.proc.once('exit', () => this.guardian?.forget(pid));
    }
    return proc;
  }

  private async slot(): Promise<void> {
    const max = Math.max(1, this.opts.maxConcurrent ?? os.availableParallelism());
    if (this.running < max) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** Starts fresh processes for a memory limit ahead of a run: the warm count, or at least `atLeast`. */
  prewarm(memoryMb: number, atLeast = 0): void {
    const list = this.idle.get(memoryMb) ?? [];
    this.idle.set(memoryMb, list);
    const want = Math.max(this.opts.warm ?? 1, atLeast);
    const bundle = this.preloads.get(memoryMb);
    while (!this.closed && list.length < want) {
      const proc = this.spawn(memoryMb);
      if (bundle) proc.preload(bundle);
      list.push({ proc, ready: Promise.resolve(true) });
    }
  }

  /**
   * Fresh processes of this memory limit, now and later, compile this test bundle while they wait. Only
   * for bundles without hidden tests: a fresh process may serve anyone's run.
   */
  preload(memoryMb: number, bundle: { id: string; code: string }): void {
    if (this.closed) return;
    this.preloads.set(memoryMb, bundle);
    for (const entry of this.idle.get(memoryMb) ?? []) entry.proc.preload(bundle);
  }

  /**
   * Runs a job in a sandbox process. `owner` names whose code it is (one student): a process that
   * ran an owner's code is reused only for the same owner. Without an owner (grading) the process
   * serves this one run and is killed.
   */
  async run(job: SandboxJob, limits: { wallMs: number; memoryMb: number }, owner?: string): Promise<RawRun> {
    if (this.closed) throw new Error('the runner is closed');
    const asked = performance.now();
    await this.slot();
    try {
      return await this.runNow(job, limits, owner, asked);
    } finally {
      this.release();
    }
  }

  private async take(memoryMb: number, owner: string | undefined): Promise<{ proc: SandboxProcess; source: ProcessSource }> {
    const key = owner === undefined ? undefined : `${owner}\u0000${memoryMb}`;
    const mine = key === undefined ? undefined : this.kept.get(key);
    if (key !== undefined && mine) {
      this.kept.delete(key);
      if ((await mine.ready) && mine.proc.alive) return { proc: mine.proc, source: 'reused' };
      this.counts.resetRefused++;
      mine.proc.kill();
    }
    const list = this.idle.get(memoryMb) ?? [];
    while (list.length) {
      const entry = list.shift()!;
      if ((await entry.ready) && entry.proc.alive && entry.proc.runs === 0) return { proc: entry.proc, source: 'fresh' };
      entry.proc.kill();
    }
    return { proc: this.spawn(memoryMb), source: 'started' };
  }

  /** How runs got their process so far (the bench reports it: a busy machine must keep reuse). */
  stats(): { reused: number; fresh: number; started: number; resetRefused: number } {
    return { ...this.counts };
  }

  private async runNow(job: SandboxJob, limits: { wallMs: number; memoryMb: number }, owner: string | undefined, asked: number): Promise<RawRun> {
    if (this.closed) throw new Error('the runner is closed');
    const { proc, source } = await this.take(limits.memoryMb, owner);
    this.counts[source]++;
    const waitMs = performance.now() - asked;
    this.busy.add(proc);
    try {
      const result = { ...(await proc.run(job, limits.wallMs, this.opts.stdoutCap ?? 4 * 1024 * 1024)), source, waitMs };
      const failed = result.messages.some((m) => (m.t === 'test' && m.status !== 'pass') || ((m.t === 'suite' || m.t === 'call') && m.status !== 'ok'));
      const reusable =
        owner !== undefined &&
        result.outcome === 'done' &&
        !result.dirty &&
        !failed &&
        proc.alive &&
        proc.runs < (this.opts.maxRunsPerProcess ?? 50) &&
        !this.closed;
      if (reusable) this.keep(`${owner}\u0000${limits.memoryMb}`, proc);
      else proc.kill();
      return result;
    } finally {
      this.busy.delete(proc);
      // Replace a fresh process that was used after the run (not during it, on a busy machine), so
      // the next run finds a booted one.
      if (source !== 'reused') setImmediate(() => this.prewarm(limits.memoryMb));
    }
  }

  /** Keeps a used process for its owner (a few owners at most; the oldest is let go). */
  private keep(key: string, proc: SandboxProcess): void {
    this.kept.get(key)?.proc.kill();
    this.kept.delete(key);
    const maxOwners = Math.max(1, this.opts.warm ?? 1);
    while (this.kept.size >= maxOwners) {
      const [oldest, entry] = this.kept.entries().next().value as [string, Kept];
      entry.proc.kill();
      this.kept.delete(oldest);
    }
    this.kept.set(key, { proc, ready: proc.checkReset() });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.busy, ...[...this.idle.values()].flat().map((e) => e.proc), ...[...this.kept.values()].map((k) => k.proc)];
    this.idle.clear();
    this.kept.clear();
    await Promise.all(
      all.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (!p.alive) return resolve();
            p.proc.once('exit', () => resolve());
            p.kill();
          }),
      ),
    );
    this.guardian?.close();
  }
}

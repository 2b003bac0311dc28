// Grading's sandbox processes serve one run each, so they start with V8 stopped at its baseline
// compiler (`--max-opt=1`); the interactive path's processes, which a student's runs reuse, keep the
// optimising compiler. Read from the started processes' own command lines (Linux /proc).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { harnessFile } from '../../../electron/engine/runner/harnessFile';
import { SandboxPool, type SandboxJob } from '../../../electron/engine/runner/sandboxPool';

/** The command lines of this process's living child processes that run the sandbox harness, by pid. */
function sandboxCommandLines(): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const children = fs.readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim();
    for (const pid of children ? children.split(/\s+/) : []) {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        if (args.some((a) => a.includes('harness-'))) lines.set(pid, args);
      } catch {
        // ended meanwhile
      }
    }
  }
  return lines;
}

const job: SandboxJob = {
  testTimeoutMs: 1000,
  testOutputCap: 1000,
  outputCap: 10_000,
  suites: [{ index: 0, code: `(() => { const api = __rg_take(); api.it('passes', () => {}); })();` }],
};

describe.runIf(process.platform === 'linux')('the compiler tier of sandbox processes', () => {
  let pool: SandboxPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it("grading's processes ('baseline') run without the optimising compiler and still pass tests", async () => {
    pool = new SandboxPool({ harnessFile: await harnessFile(), warm: 2, spawnPrefix: null, compilerTier: 'baseline' });
    const before = sandboxCommandLines();
    pool.prewarm(64);
    const started = [...sandboxCommandLines()].filter(([pid]) => !before.has(pid)).map(([, args]) => args);
    expect(started).toHaveLength(2);
    for (const args of started) expect(args).toContain('--max-opt=1');
    const run = await pool.run(job, { wallMs: 10_000, memoryMb: 64 });
    expect(run.outcome).toBe('done');
    expect(run.messages.some((m) => m.t === 'test' && m.status === 'pass')).toBe(true);
  });

  it('by default processes keep the optimising compiler', async () => {
    pool = new SandboxPool({ harnessFile: await harnessFile(), warm: 1, spawnPrefix: null });
    const before = sandboxCommandLines();
    pool.prewarm(64);
    const started = [...sandboxCommandLines()].filter(([pid]) => !before.has(pid)).map(([, args]) => args);
    expect(started).toHaveLength(1);
    expect(started[0]!.some((a) => a.startsWith('--max-opt'))).toBe(false);
  });
});

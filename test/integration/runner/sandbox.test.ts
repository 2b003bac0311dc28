// The sandbox processes themselves: a Node that cannot start gives an error result (not a hang),
// concurrent runs queue behind the cap, and close() leaves no process behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../../electron/engine/runner';
import { networkIsolation } from '../../../electron/engine/runner/sandboxPool';

const exercisesDir = path.resolve(__dirname, '../../fixtures/exercises');
const solution = fs.readFileSync(path.join(exercisesDir, 'counter/solution/Counter.ts'), 'utf8');

function harnessPids(): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (cmd.includes('harness-') && ppid === process.pid) out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

describe('sandbox processes', () => {
  it('a Node binary that cannot start yields an error result with the reason', async () => {
    const runner = createRunner({ exercisesDir, warm: 0, nodePath: '/nonexistent/node' });
    try {
      const started = Date.now();
      const r = await runner.run({ exerciseId: 'counter', files: { 'Counter.ts': solution } });
      expect(r.status).toBe('error');
      expect(r.message).toMatch(/ENOENT|No such file/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await runner.close();
    }
  });

  it('queues runs beyond the concurrency cap and leaves no process after close()', async () => {
    const runner = createRunner({ exercisesDir, warm: 1, maxConcurrent: 1 });
    const runs = await Promise.all([0, 1, 2].map((i) => runner.run({ exerciseId: 'counter', files: { 'Counter.ts': `${solution}\n// ${i}\n` } })));
    expect(runs.map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    if (fs.existsSync('/proc/self/stat')) {
      const pids = harnessPids();
      expect(pids.length).toBeGreaterThan(0);
      // Where the OS allows it, the sandbox has a network namespace of its own.
      if (await networkIsolation()) {
        for (const pid of pids) expect(fs.readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(fs.readlinkSync('/proc/self/ns/net'));
      }
    }
    await runner.close();
    if (fs.existsSync('/proc/self/stat')) expect(harnessPids()).toEqual([]);
  });
});

// Background CPU load for the "busy machine" variants of the benches: one process per core spinning
// until stopped, as when the other programs of a classroom PC (or the neighbours on a shared one) run.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

export interface CpuLoad {
  /** How many spinning processes (one per core). */
  processes: number;
  stop(): void;
}

/** Starts one spinning process per core; give it a moment (`settle`) to take the cores. */
export async function startCpuLoad(settleMs = 500): Promise<CpuLoad> {
  const children: ChildProcess[] = Array.from({ length: os.availableParallelism() }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  const stop = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.once('exit', stop);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return { processes: children.length, stop };
}

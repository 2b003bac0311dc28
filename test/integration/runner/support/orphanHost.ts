// A host for the orphan test: starts a run whose code never yields (an endless promise chain, which
// no vm time limit can stop), prints the sandbox processes' pids, and waits to be SIGKILLed.
import fs from 'node:fs';
import path from 'node:path';
import { createRunner } from '../../../../electron/engine/runner';

const exercisesDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../fixtures/exercises');
const starter = fs.readFileSync(path.join(exercisesDir, 'counter/starter/Counter.ts'), 'utf8');
// Each hop queues the next without chaining promises, so memory stays flat and the loop never ends.
const looping = `const spin = (): void => { void Promise.resolve().then(spin); };\nspin();\n${starter}`;

function sandboxPids(): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (cmd.includes('harness-') && ppid === process.pid) out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

// A long wall clock, so the host would not stop the run itself before it is killed.
const runner = createRunner({ exercisesDir, warm: 2 });
void runner.run({ exerciseId: 'counter', files: { 'Counter.ts': looping } });
const poll = setInterval(() => {
  const pids = sandboxPids();
  if (pids.length >= 2) {
    clearInterval(poll);
    process.stdout.write(`PIDS ${pids.join(' ')}\n`);
  }
}, 50);

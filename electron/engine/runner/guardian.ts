// A small watchdog process per sandbox pool that outlives nothing: it holds the pids of the pool's
// sandbox processes and kills them all as soon as its stdin closes, which happens when the host
// exits for any reason (SIGKILL included: the OS closes the pipe). A sandbox stuck in an endless loop
// cannot notice its host is gone; the guardian's event loop is never busy, so it always can.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Guardian {
  watch(pid: number): void;
  forget(pid: number): void;
  /** Ends the guardian (the pool closed; its processes are already stopped). */
  close(): void;
}

const SCRIPT = `
const pids = new Set();
let buffer = '';
const stopAll = () => {
  for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch {} }
  process.exit(0);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf('\\n')) >= 0) {
    const line = buffer.slice(0, nl);
    buffer = buffer.slice(nl + 1);
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (line[0] === '+') pids.add(pid); else pids.delete(pid);
  }
});
process.stdin.on('end', stopAll);
process.stdin.on('close', stopAll);
process.stdin.on('error', stopAll);
`;

/** Starts the guardian, or returns null where it cannot start (the pool then works without it). */
export function startGuardian(nodePath?: string): Guardian | null {
  let child: ChildProcess;
  try {
    const env: NodeJS.ProcessEnv = {};
    if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
    child = spawn(nodePath ?? process.execPath, ['--no-warnings', '-e', SCRIPT], { env, stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true });
  } catch {
    return null;
  }
  let alive = true;
  child.on('error', () => {
    alive = false;
  });
  child.on('exit', () => {
    alive = false;
  });
  child.stdin!.on('error', () => undefined);
  // The guardian must not keep the host alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  const send = (line: string) => {
    if (alive) child.stdin!.write(line);
  };
  return {
    watch: (pid) => send(`+${pid}\n`),
    forget: (pid) => send(`-${pid}\n`),
    close() {
      if (alive) child.stdin!.end();
    },
  };
}

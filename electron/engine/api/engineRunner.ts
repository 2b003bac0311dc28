// One long-lived runner per engine, created on first use and closed with the engine. The API
// handlers and grading share it (and its warm sandbox processes).
import fs from 'node:fs';
import path from 'node:path';
import type { EngineContext } from './context';
import { createRunner, type Runner } from '../runner';

const runners = new WeakMap<EngineContext, Runner>();

/**
 * Where the runner finds the engine modules tests import ('@engine/...'): a packaged app ships them as
 * resources/engine (only those, docs/electron.md); a source tree has electron/engine. Looked up from the
 * resources folder, not from this file: the desktop app runs the engine bundled into dist/electron/main.cjs.
 */
export function engineSourcesDir(resourcesDir: string): string | undefined {
  return [path.join(resourcesDir, 'engine'), path.join(resourcesDir, 'electron', 'engine')].find((dir) => fs.existsSync(dir));
}

export function engineRunner(ctx: EngineContext): Runner {
  let runner = runners.get(ctx);
  if (!runner) {
    const created = createRunner({
      exercisesDir: path.join(ctx.resourcesDir, 'exercises'),
      engineDir: engineSourcesDir(ctx.resourcesDir),
      // Built test bundles of the visible suites, kept for the next start (tagged: the folder is the student's).
      ...(ctx.dataDir === ':memory:' ? {} : { bundleCache: { dir: path.join(ctx.dataDir, 'cache', 'test-bundles') } }),
    });
    runners.set(ctx, created);
    ctx.onClose(() => created.close());
    runner = created;
  }
  return runner;
}

/**
 * The owner of the runs the app makes for its student: sandbox processes are reused only within one
 * owner's runs. One engine serves the student whose data folder it opened.
 */
export function studentOwner(ctx: EngineContext): string {
  return `student:${ctx.dataDir}`;
}

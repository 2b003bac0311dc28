// One long-lived runner per engine, created on first use and closed with the engine. The API
// handlers and grading share it (and its warm sandbox processes).
import fs from 'node:fs';
import path from 'node:path';
import type { EngineContext } from './context';
import { createRunner, type Runner } from '../runner';

const runners = new WeakMap<EngineContext, Runner>();

export function engineRunner(ctx: EngineContext): Runner {
  let runner = runners.get(ctx);
  if (!runner) {
    // A packaged app ships the pure engine modules tests import ('@engine/...') as resources/engine.
    const packagedEngine = path.join(ctx.resourcesDir, 'engine');
    const created = createRunner({
      exercisesDir: path.join(ctx.resourcesDir, 'exercises'),
      engineDir: fs.existsSync(path.join(packagedEngine, 'domain')) ? packagedEngine : undefined,
    });
    runners.set(ctx, created);
    ctx.onClose(() => created.close());
    runner = created;
  }
  return runner;
}

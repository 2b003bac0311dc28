// One long-lived runner per engine, created on first use and closed with the engine. The API
// handlers and grading share it (and its warm sandbox processes).
import path from 'node:path';
import type { EngineContext } from '../api/context';
import { createRunner, type Runner } from './runner';

const runners = new WeakMap<EngineContext, Runner>();

export function engineRunner(ctx: EngineContext): Runner {
  let runner = runners.get(ctx);
  if (!runner) {
    const created = createRunner({ exercisesDir: path.join(ctx.resourcesDir, 'exercises') });
    runners.set(ctx, created);
    ctx.onClose(() => created.close());
    runner = created;
  }
  return runner;
}

// Handlers for runner.*: the engine's long-lived runner (created lazily, closed with the engine).
import { ApiError } from '../errors';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { RunnerInputError } from '../../runner';
import { engineRunner } from '../engineRunner';

export function createRunnerHandlers(ctx: EngineContext): HandlerGroup<'runner.'> {
  return {
    'runner.run': async ({ exerciseId, files, suites }) => {
      try {
        return await engineRunner(ctx).run({ exerciseId, files, suites });
      } catch (err) {
        if (err instanceof RunnerInputError) throw new ApiError(err.code, err.message);
        throw err;
      }
    },
  };
}

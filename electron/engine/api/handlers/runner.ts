// Handlers for runner.*: the engine's long-lived runner (created lazily, closed with the engine).
import { ApiError } from '../errors';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { RunnerInputError } from '../../runner';
import { engineRunner, studentOwner } from '../engineRunner';

export function createRunnerHandlers(ctx: EngineContext): HandlerGroup<'runner.'> {
  return {
    'runner.run': async ({ exerciseId, files }) => {
      try {
        // Hidden suites are for grading only (grading/sandboxRunner.ts): never run them for the API.
        return await engineRunner(ctx).run({ exerciseId, files, suites: 'visible', owner: studentOwner(ctx) });
      } catch (err) {
        if (err instanceof RunnerInputError) throw new ApiError(err.code, err.message);
        throw err;
      }
    },
  };
}

// The service object that implements the contract. Each feature contributes a handler group;
// the type below makes a missing or misnamed handler a compile error.
import type { MethodName, MethodOutput, MethodParsedInput } from './contract';
import type { EngineContext } from './context';
import { createAppHandlers } from './handlers/app';
import { createLessonHandlers } from './handlers/lesson';
import { createQuizHandlers } from './handlers/quiz';
import { createGradingHandlers } from './handlers/grading';
import { createExercisesHandlers } from './handlers/exercises';
import { createRunnerHandlers } from './handlers/runner';
import { createPlaygroundHandlers } from './handlers/playground';
import { createProfilesHandlers } from './handlers/profiles';

export type Handler<K extends MethodName> = (input: MethodParsedInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>;
export type Service = { [K in MethodName]: Handler<K> };
/** A feature's slice of the service: handlers for the methods whose names start with its prefix. */
export type HandlerGroup<P extends string> = { [K in MethodName as K extends `${P}${string}` ? K : never]: Handler<K> };

export function createService(ctx: EngineContext): Service {
  return {
    ...createAppHandlers(ctx),
    ...createLessonHandlers(ctx),
    ...createQuizHandlers(ctx),
    ...createGradingHandlers(ctx),
    ...createExercisesHandlers(ctx),
    ...createRunnerHandlers(ctx),
    ...createPlaygroundHandlers(ctx),
    ...createProfilesHandlers(ctx),
  };
}

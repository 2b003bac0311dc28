// The service object that implements the contract. Each feature contributes a handler group;
// the type below makes a missing or misnamed handler a compile error.
import type { EngineContext } from './context';
import type { Service } from './handler';
import { createAppHandlers } from './handlers/app';
import { createLessonHandlers } from './handlers/lesson';
import { createQuizHandlers } from './handlers/quiz';
import { createGradingHandlers } from './handlers/grading';
import { createExercisesHandlers } from './handlers/exercises';
import { createRunnerHandlers } from './handlers/runner';
import { createPlaygroundHandlers } from './handlers/playground';
import { createProfilesHandlers } from './handlers/profiles';
import { createDesktopHandlers } from './handlers/desktop';


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
    ...createDesktopHandlers(ctx),
  };
}

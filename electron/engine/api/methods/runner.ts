// runner.*: run an exercise's test suites against the student's files in the sandbox.
import { z } from 'zod';
import { method } from '../defineMethod';
import { RunResult } from '../../common/runResult';

export const runnerMethods = {
  'runner.run': method(
    z.object({
      exerciseId: z.string().min(1).max(100),
      /** Editable file name → source. */
      files: z.record(z.string().min(1).max(200), z.string().max(512 * 1024)),
      /** Only the visible suites: hidden ones run on the grading path alone, never for a caller of the API. */
      suites: z.literal('visible').optional(),
    }),
    RunResult,
  ),
};

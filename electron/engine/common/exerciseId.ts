// The one definition of an exercise id: a lower-case slug of at most 81 characters. An id becomes a
// folder name, so the loader, the API methods and grading check it with this and nothing else.
import { z } from 'zod';

export const EXERCISE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ExerciseId = z
  .string()
  .max(81, 'an exercise id has at most 81 characters')
  .regex(EXERCISE_ID_PATTERN, 'an exercise id: lower-case letters, digits and single dashes');

/** Whether `id` is a well-formed exercise id (never a path: no dots, slashes or upper case). */
export function isExerciseId(id: unknown): id is string {
  return ExerciseId.safeParse(id).success;
}

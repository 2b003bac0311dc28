// The single API contract between the UI and the engine: every method (name → zod input/output)
// and every push topic. IPC, HTTP and the renderer's bridge are all derived from this map.
import { z } from 'zod';
import type { InputOf, MethodDef, OutputOf, ParsedInputOf } from './defineMethod';
import { appMethods } from './methods/app';
import { lessonMethods } from './methods/lesson';
import { quizMethods } from './methods/quiz';
import { gradingMethods } from './methods/grading';
import { exercisesMethods } from './methods/exercises';
import { runnerMethods } from './methods/runner';
import { playgroundMethods } from './methods/playground';
import { profilesMethods } from './methods/profiles';
import { desktopMethods } from './methods/desktop';
import { PLAYGROUND_PARTS } from '../common/playground';

export const methods = {
  ...appMethods,
  ...lessonMethods,
  ...quizMethods,
  ...gradingMethods,
  ...exercisesMethods,
  ...runnerMethods,
  ...playgroundMethods,
  ...profilesMethods,
  ...desktopMethods,
} satisfies Record<string, MethodDef>;

/** Push topics: server → UI notifications. Payloads are validated before they are sent. */
export const topics = {
  'grading.progress': z.object({ jobId: z.string(), done: z.number(), total: z.number(), current: z.string().optional() }),
  /** The playground changed: which parts (coalesced by the engine, at most one push per 150 ms). */
  'playground.changed': z.object({ parts: z.array(z.enum(PLAYGROUND_PARTS)).min(1) }),
} satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods & string;
export type Topics = typeof topics;
export type TopicName = keyof Topics & string;
export type MethodInput<K extends MethodName> = InputOf<Methods[K]>;
export type MethodParsedInput<K extends MethodName> = ParsedInputOf<Methods[K]>;
export type MethodOutput<K extends MethodName> = OutputOf<Methods[K]>;
export type TopicPayload<T extends TopicName> = z.output<Topics[T]>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
export function isTopicName(name: unknown): name is TopicName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(topics, name);
}

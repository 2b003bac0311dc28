// What the sandbox process may say, checked on arrival: nothing it prints is trusted until it has
// the run's nonce, parses as JSON and matches these schemas.
import { z } from 'zod';
import { PhraseSchema } from '../common/runResult';

const Frame = z.object({ line: z.number().int().min(0), column: z.number().int().min(0) });
const Frames = z.array(Frame).max(12);
const Text = z.string().max(2_000_000);

export const ChildTestMessage = z.object({
  runId: z.string(),
  t: z.literal('test'),
  suite: z.number().int().min(0),
  name: z.string().max(2000),
  /** The full name in Russian, when the suite's `ruNames` table names every segment. */
  nameRu: z.string().max(2000).nullable(),
  status: z.enum(['pass', 'fail', 'error']),
  message: Text.nullable(),
  messagePhrase: PhraseSchema.nullable().catch(null),
  output: Text.nullable(),
  duration_ms: z.number().min(0),
  frames: Frames,
  errorFrames: Frames,
  details: z.unknown().optional(),
  /** Stopped at its time limit: the structured reason (never read from the message). */
  timedOut: z.boolean(),
});

export const ChildSuiteMessage = z.object({
  runId: z.string(),
  t: z.literal('suite'),
  suite: z.number().int().min(0),
  status: z.enum(['ok', 'error']),
  message: Text.nullable(),
  messagePhrase: PhraseSchema.nullable().catch(null),
  output: Text.nullable(),
  errorFrames: Frames,
  /** Set when built-ins were found changed after the tests ran: every test of the suite fails. */
  tampered: z.string().max(2000).nullable(),
  tamperedPhrase: PhraseSchema.nullable().catch(null),
  /** Loading the file ran into its time limit. */
  timedOut: z.boolean(),
  /** How far the suite's `ruNames` table covers its names (null when the file did not load). */
  names: z.object({ table: z.boolean(), missing: z.array(z.string().max(2000)).max(500), unused: z.array(z.string().max(2000)).max(500) }).nullable(),
});

/** The call API's answer: the return value as JSON text, or why there is none. */
export const ChildCallMessage = z.object({
  runId: z.string(),
  t: z.literal('call'),
  status: z.enum(['ok', 'error']),
  json: z.string().max(8_000_000).nullable(),
  failure: z.enum(['load', 'not_a_function', 'threw', 'timeout', 'not_json', 'too_large']).nullable(),
  message: Text.nullable(),
  errorCode: z.string().max(200).nullable(),
  output: Text.nullable(),
  errorFrames: Frames,
});

export const ChildDoneMessage = z.object({
  runId: z.string(),
  t: z.literal('done'),
  dirty: z.boolean(),
  /** Suite contexts the job found made ahead, and those it had to make itself (figures for the bench; nothing is decided by them). */
  contexts: z.object({ ahead: z.number().int().min(0).max(100_000), made: z.number().int().min(0).max(100_000) }).optional(),
  /** CPU time the process spent on the job itself, ms (the bench's figure: the rest of its CPU is between jobs). */
  cpuMs: z.number().min(0).max(1e9).optional(),
});

export const ChildMessage = z.discriminatedUnion('t', [ChildTestMessage, ChildSuiteMessage, ChildCallMessage, ChildDoneMessage]);
export type ChildMessage = z.infer<typeof ChildMessage>;
export type ChildTestMessage = z.infer<typeof ChildTestMessage>;
export type ChildSuiteMessage = z.infer<typeof ChildSuiteMessage>;
export type ChildCallMessage = z.infer<typeof ChildCallMessage>;

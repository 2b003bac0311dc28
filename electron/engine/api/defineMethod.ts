// Building blocks of the API contract: a method is a pair of zod schemas.
// Transports and the renderer's bridge derive everything from these definitions.
import { z } from 'zod';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> {
  return { input, output };
}

/** Input type of a method (what callers send). */
export type InputOf<M extends MethodDef> = z.input<M['input']>;
/** Input type after validation (what handlers receive). */
export type ParsedInputOf<M extends MethodDef> = z.output<M['input']>;
/** Output type of a method. */
export type OutputOf<M extends MethodDef> = z.output<M['output']>;

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

// The error half of every API answer, as both shells send it and the renderer reads it: a stable
// code, parameters the UI words in the user's language, an English message (logs, CLI, fallback),
// and for invalid input the zod issues with their paths. Node-free (the `common` layer).
import { z } from 'zod';

export const ApiErrorShape = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string() })).optional(),
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

// The one entry point both transports call: validate the input against the contract,
// run the handler, validate the output, and turn every failure into a structured error.
import { isMethodName, methods } from './contract';
import { issuesOf, toApiError, type ApiErrorShape } from './errors';
import type { Service } from './handler';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

export function createDispatcher(service: Service) {
  return async function dispatch(name: unknown, rawInput: unknown): Promise<DispatchResult> {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No API method named ${JSON.stringify(name)}` } };
    }
    const def = methods[name];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Invalid input for ${name}`, issues: issuesOf(parsed.error) },
      };
    }
    try {
      const handler = service[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const out = def.output.safeParse(value);
      if (!out.success) {
        return {
          ok: false,
          error: { code: 'INVALID_OUTPUT', message: `The engine produced an invalid result for ${name}`, issues: issuesOf(out.error) },
        };
      }
      return { ok: true, value: out.data };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;

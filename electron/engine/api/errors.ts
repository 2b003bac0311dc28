// The structured error every transport returns: a code a program can switch on, parameters the UI
// words in the user's language, an English message for logs, and for invalid input the zod issues.
import { z } from 'zod';
import { ApiErrorShape } from '../common/apiError';
import { CodedError, type ErrorParams } from '../common/codedError';
import { OrderError } from '../domain/orders/errors';

export { ApiErrorShape };

export class ApiError extends CodedError {
  constructor(
    readonly code: string,
    message: string,
    readonly issues?: ApiErrorShape['issues'],
    readonly details?: unknown,
    params: ErrorParams = {},
  ) {
    super(message, params);
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, params: this.params, issues: this.issues, details: this.details };
  }
}

export function issuesOf(error: z.ZodError): NonNullable<ApiErrorShape['issues']> {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
    code: i.code,
  }));
}

/**
 * Turns anything thrown by a handler into the structured shape. Only the engine's own coded errors keep
 * their code (the order domain's OrderError is one: it stays a plain class because students see its
 * file); anything else is INTERNAL, never a code guessed from a foreign `.code` property.
 */
export function toApiError(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  if (err instanceof z.ZodError) return { code: 'INVALID_DATA', message: 'Data failed validation', issues: issuesOf(err) };
  if (err instanceof CodedError) return { code: err.code, message: err.message, params: err.params };
  if (err instanceof OrderError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

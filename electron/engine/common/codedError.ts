// The one base class for errors the engine reports: a stable code a program switches on, parameters
// the UI words in the student's language, and an English message for logs and the CLI. The API turns
// a CodedError into { code, message, params }; anything else that escapes a handler is INTERNAL.
// Node-free (the `common` layer): the renderer reads the same codes and parameters.

export type ErrorParam = string | number | boolean | null;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export abstract class CodedError extends Error {
  abstract readonly code: string;
  readonly params: ErrorParams;

  constructor(message: string, params: ErrorParams = {}) {
    super(message);
    this.name = new.target.name;
    this.params = params;
  }
}

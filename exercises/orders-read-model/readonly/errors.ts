// Why the read model refused a question. Queries only read, so the one way to fail is asking
// for something that makes no sense (a page 0, a page of a million rows).

export type QueryErrorCode =
  /** A query field is missing, not a whole number, or out of range. */
  'VALIDATION';

export class QueryError extends Error {
  readonly code: QueryErrorCode;

  constructor(code: QueryErrorCode, message: string) {
    super(message);
    this.name = 'QueryError';
    this.code = code;
  }
}

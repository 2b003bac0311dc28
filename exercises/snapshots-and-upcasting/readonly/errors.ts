// Why loading or saving a customer failed. Code for programs, message for people.

export type CustomerErrorCode =
  /** A stored event has a schema version this code does not know how to read. */
  | 'UNKNOWN_SCHEMA'
  /** Somebody else wrote to the customer's stream first (raised by the event store). */
  | 'CONCURRENCY';

export class CustomerError extends Error {
  readonly code: CustomerErrorCode;

  constructor(code: CustomerErrorCode, message: string) {
    super(message);
    this.name = 'CustomerError';
    this.code = code;
  }
}

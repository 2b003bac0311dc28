// Why an order refused a command. The `code` is what programs (and tests) check;
// the message is for the person reading it.

export type OrderErrorCode =
  /** The order's status does not allow this command. */
  | 'INVALID_STATE'
  /** A field is missing, blank, or out of range. */
  | 'VALIDATION'
  /** The payment method is not one of the accepted ones. */
  | 'INVALID_PAYMENT_METHOD'
  /** The paid amount is not exactly the order's total. */
  | 'AMOUNT_MISMATCH'
  /** No order has this id (raised by the command handler). */
  | 'NOT_FOUND'
  /** Someone else changed the order first (raised by the event store). */
  | 'CONCURRENCY';

export class OrderError extends Error {
  readonly code: OrderErrorCode;

  constructor(code: OrderErrorCode, message: string) {
    super(message);
    this.name = 'OrderError';
    this.code = code;
  }
}

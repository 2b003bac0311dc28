// Why an account refused a command. Programs and tests look at `code`; people read the message.

export type AccountErrorCode =
  /** A required field such as the owner's name is missing or blank. */
  | 'VALIDATION'
  /** The amount is not a positive whole number of cents, or the balance would grow past what is exact. */
  | 'INVALID_AMOUNT'
  /** A withdrawal larger than the balance: this bank allows no overdraft. */
  | 'INSUFFICIENT_FUNDS'
  /** The account is closed and takes no more commands. */
  | 'ACCOUNT_CLOSED'
  /** Only an empty account (balance 0) can be closed. */
  | 'BALANCE_NOT_ZERO'
  /** No account with this id (raised when loading from a store). */
  | 'NOT_FOUND'
  /** Somebody else wrote to the account first (raised by the event store). */
  | 'CONCURRENCY';

export class AccountError extends Error {
  readonly code: AccountErrorCode;

  constructor(code: AccountErrorCode, message: string) {
    super(message);
    this.name = 'AccountError';
    this.code = code;
  }
}

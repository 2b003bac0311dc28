// What can happen to a bank account. The balance is never stored in an event: it is the sum of
// the deposits minus the withdrawals, so replaying the events always gives the same balance.

/** Money in minor units (cents): a safe integer, never a float. 12.34 € is 1234. */
export type Cents = number;

export type AccountStatus = 'open' | 'closed';

/** Fields every account event carries. `version` is 1 for the first event, then one more each time. */
interface AccountEventBase<Type extends string> {
  type: Type;
  accountId: string;
  version: number;
  /** ISO-8601 UTC, read from the injected clock when the event was recorded. */
  timestamp: string;
}

export interface AccountOpened extends AccountEventBase<'AccountOpened'> {
  ownerName: string;
}

export interface MoneyDeposited extends AccountEventBase<'MoneyDeposited'> {
  amount: Cents;
}

export interface MoneyWithdrawn extends AccountEventBase<'MoneyWithdrawn'> {
  amount: Cents;
}

/** The moment of closing is the event's `timestamp`. */
export type AccountClosed = AccountEventBase<'AccountClosed'>;

export type AccountEvent = AccountOpened | MoneyDeposited | MoneyWithdrawn | AccountClosed;

export type AccountEventType = AccountEvent['type'];

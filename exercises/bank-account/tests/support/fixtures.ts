// A sample account and its past in a few shapes, plus valid commands to vary per test.
// The test clock reads a fixed date far from today, so a timestamp taken from `Date` shows up.
import type { AccountCommand, CloseAccount, DepositMoney, WithdrawMoney } from '@workspace/commands';
import type { AccountClosed, AccountEvent, AccountOpened, MoneyDeposited, MoneyWithdrawn } from '@workspace/events';

export const ACCOUNT_ID = 'acc-1001';
export const OWNER = 'Mira Kovalenko';
/** What the test clock says when the command under test runs. */
export const NOW = '2031-04-02T09:30:00.000Z';

export function accountOpened(): AccountOpened {
  return { type: 'AccountOpened', accountId: ACCOUNT_ID, version: 1, timestamp: '2031-04-01T08:00:00.000Z', ownerName: OWNER };
}

export function deposited(amount: number, version: number): MoneyDeposited {
  return { type: 'MoneyDeposited', accountId: ACCOUNT_ID, version, timestamp: `2031-04-01T08:${String(version).padStart(2, '0')}:00.000Z`, amount };
}

export function withdrawn(amount: number, version: number): MoneyWithdrawn {
  return { type: 'MoneyWithdrawn', accountId: ACCOUNT_ID, version, timestamp: `2031-04-01T08:${String(version).padStart(2, '0')}:00.000Z`, amount };
}

export function accountClosed(version: number): AccountClosed {
  return { type: 'AccountClosed', accountId: ACCOUNT_ID, version, timestamp: '2031-04-01T09:00:00.000Z' };
}

/** Balance 150.00 after two deposits and one withdrawal: 100.00 + 75.50 − 25.50. */
export const FUNDED_BALANCE = 15000;

export const history = {
  /** Just opened: balance 0. */
  empty: (): AccountEvent[] => [accountOpened()],
  /** Balance FUNDED_BALANCE, version 4. */
  funded: (): AccountEvent[] => [accountOpened(), deposited(10000, 2), deposited(7550, 3), withdrawn(2550, 4)],
  /** Emptied and closed, version 4. */
  closed: (): AccountEvent[] => [accountOpened(), deposited(500, 2), withdrawn(500, 3), accountClosed(4)],
};

type Tagged<Type extends AccountCommand['type']> = Extract<AccountCommand, { type: Type }>;

export const commands = {
  deposit: (change: Partial<DepositMoney> = {}): Tagged<'DepositMoney'> => ({
    type: 'DepositMoney',
    accountId: ACCOUNT_ID,
    amount: 2000,
    ...change,
  }),
  withdraw: (change: Partial<WithdrawMoney> = {}): Tagged<'WithdrawMoney'> => ({
    type: 'WithdrawMoney',
    accountId: ACCOUNT_ID,
    amount: 4000,
    ...change,
  }),
  close: (change: Partial<CloseAccount> = {}): Tagged<'CloseAccount'> => ({ type: 'CloseAccount', accountId: ACCOUNT_ID, ...change }),
};

/** A value of the wrong type, as an untyped caller (JSON, a form) could send it. */
export function untyped<T>(value: unknown): T {
  return value as T;
}

// Requests to an account. Any of them may be refused with an AccountError; events, once
// recorded, are facts and are never refused.
import type { Cents } from './events';

export interface OpenAccount {
  ownerName: string;
}

export interface DepositMoney {
  accountId: string;
  amount: Cents;
}

export interface WithdrawMoney {
  accountId: string;
  amount: Cents;
}

export interface CloseAccount {
  accountId: string;
}

/** A command with its name attached, for code that routes commands (tests, a command handler). */
export type AccountCommand =
  | ({ type: 'OpenAccount'; accountId?: string } & OpenAccount)
  | ({ type: 'DepositMoney' } & DepositMoney)
  | ({ type: 'WithdrawMoney' } & WithdrawMoney)
  | ({ type: 'CloseAccount' } & CloseAccount);

export type AccountCommandType = AccountCommand['type'];

// An event-sourced bank account. Each command method checks its rules and then records exactly
// one event through `apply`; `apply` is the only code that changes the fields, so an account
// rebuilt from its events (`fromEvents`) has the same balance as the live one.
import type { CloseAccount, DepositMoney, OpenAccount, WithdrawMoney } from './commands';
import { isNonBlank, isPositiveSafeInteger } from './checks';
import { systemClock, type Clock } from './clock';
import { AccountError } from './errors';
import type { AccountEvent, AccountStatus, Cents } from './events';

export class BankAccount {
  id = '';
  /** Version of the last applied event; 0 before the account exists. */
  version = 0;
  status: AccountStatus = 'open';
  ownerName = '';
  balance: Cents = 0;
  openedAt: string | null = null;
  closedAt: string | null = null;

  /** Events recorded since the account was opened or loaded, not yet stored. */
  readonly uncommittedEvents: AccountEvent[] = [];

  private constructor(private readonly clock: Clock) {}

  /** Opens a new, empty account. */
  static open(accountId: string, command: OpenAccount, clock: Clock = systemClock): BankAccount {
    if (!isNonBlank(accountId)) throw new AccountError('VALIDATION', 'accountId must not be blank');
    if (!isNonBlank(command.ownerName)) throw new AccountError('VALIDATION', 'ownerName must not be blank');
    const account = new BankAccount(clock);
    account.apply({ type: 'AccountOpened', accountId, version: 1, timestamp: clock(), ownerName: command.ownerName });
    return account;
  }

  /** Rebuilds an account from its stored events. Nothing is uncommitted afterwards. */
  static fromEvents(events: readonly AccountEvent[], clock: Clock = systemClock): BankAccount {
    const account = new BankAccount(clock);
    for (const event of events) account.apply(event, false);
    return account;
  }

  deposit(command: DepositMoney): void {
    this.requireOpen('deposit into');
    if (!isPositiveSafeInteger(command.amount)) {
      throw new AccountError('INVALID_AMOUNT', 'amount must be a positive whole number of cents');
    }
    if (!Number.isSafeInteger(this.balance + command.amount)) {
      throw new AccountError('INVALID_AMOUNT', 'the balance would be too large to count exactly');
    }
    this.apply({
      type: 'MoneyDeposited',
      accountId: this.id,
      version: this.version + 1,
      timestamp: this.clock(),
      amount: command.amount,
    });
  }

  withdraw(command: WithdrawMoney): void {
    this.requireOpen('withdraw from');
    if (!isPositiveSafeInteger(command.amount)) {
      throw new AccountError('INVALID_AMOUNT', 'amount must be a positive whole number of cents');
    }
    if (command.amount > this.balance) {
      throw new AccountError('INSUFFICIENT_FUNDS', `cannot withdraw ${command.amount}: the balance is ${this.balance}`);
    }
    this.apply({
      type: 'MoneyWithdrawn',
      accountId: this.id,
      version: this.version,
      timestamp: this.clock(),
      amount: command.amount,
    });
  }

  close(_command: CloseAccount): void {
    this.requireOpen('close');
    if (this.balance !== 0) {
      throw new AccountError('BALANCE_NOT_ZERO', `withdraw the remaining ${this.balance} cents before closing`);
    }
    this.apply({ type: 'AccountClosed', accountId: this.id, version: this.version + 1, timestamp: this.clock() });
  }

  /** Called once the uncommitted events are safely stored. */
  markCommitted(): void {
    this.uncommittedEvents.length = 0;
  }

  private requireOpen(action: string): void {
    if (this.status !== 'open') throw new AccountError('ACCOUNT_CLOSED', `cannot ${action} a closed account`);
  }

  /** The only place the state changes. `isNew` is false while replaying stored events. */
  private apply(event: AccountEvent, isNew = true): void {
    switch (event.type) {
      case 'AccountOpened':
        this.id = event.accountId;
        this.status = 'open';
        this.ownerName = event.ownerName;
        this.balance = 0;
        this.openedAt = event.timestamp;
        break;
      case 'MoneyDeposited':
        this.balance += event.amount;
        break;
      case 'MoneyWithdrawn':
        this.balance -= event.amount;
        break;
      case 'AccountClosed':
        this.status = 'closed';
        this.closedAt = event.timestamp;
        break;
    }
    this.version = event.version;
    if (isNew) this.uncommittedEvents.push(event);
  }
}

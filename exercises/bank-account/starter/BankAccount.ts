// An event-sourced bank account. Each command method checks its rules and then records exactly
// one event through `apply`; `apply` is the only code that changes the fields, so an account
// rebuilt from its events (`fromEvents`) has the same balance as the live one.
// Банковский счёт на событиях. Каждый метод-команда проверяет правила и записывает ровно одно
// событие через `apply`; только `apply` меняет поля, поэтому счёт, восстановленный из событий
// (`fromEvents`), имеет тот же баланс, что и «живой».
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

  /** Opens a new, empty account. (Given: use it as your model. / Готовый пример.) */
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

  // ─── Your task / Ваше задание ──────────────────────────────────────────────────────────
  // 1. Write deposit, withdraw and close. Each one:
  //      a) runs its checks in the order listed; the first failing check throws
  //         `new AccountError(code, message)` and NOTHING else happens (no event, no field changed);
  //      b) builds ONE event: accountId = this.id, version = this.version + 1, timestamp = this.clock();
  //      c) hands it to this.apply(event). Never change this.balance or this.status yourself.
  // 2. Finish `apply` (at the bottom): say how each event changes the fields. The balance is
  //    not in any event: deposits add, withdrawals subtract. Replaying the events must give
  //    the same balance as the live account.
  // Money is in whole cents: 10.50 € is 1050. `isPositiveSafeInteger` checks an amount.
  //
  // 1. Напишите deposit, withdraw и close. Каждый метод:
  //      а) выполняет проверки в указанном порядке; первая не прошедшая бросает
  //         `new AccountError(code, message)`, и больше НИЧЕГО не происходит (ни события, ни изменений);
  //      б) создаёт ОДНО событие: accountId = this.id, version = this.version + 1, timestamp = this.clock();
  //      в) передаёт его в this.apply(event). Не меняйте this.balance и this.status напрямую.
  // 2. Допишите `apply` (внизу): как каждое событие меняет поля. Баланса нет ни в одном событии:
  //    пополнения прибавляют, снятия вычитают. Повтор событий должен давать тот же баланс.
  // Деньги — целые центы: 10,50 € — это 1050. Сумму проверяет `isPositiveSafeInteger`.

  /**
   * Puts money in. / Пополнение счёта.
   * Checks / Проверки:
   *   1. status is 'open'                                   → 'ACCOUNT_CLOSED'
   *      счёт открыт
   *   2. amount is a positive safe integer                  → 'INVALID_AMOUNT'
   *      amount — положительное безопасное целое
   *   3. balance + amount is still a safe integer           → 'INVALID_AMOUNT'
   *      balance + amount остаётся безопасным целым (Number.isSafeInteger)
   * Event / Событие: MoneyDeposited { amount }
   */
  deposit(command: DepositMoney): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Takes money out; no overdraft. / Снятие денег; уходить в минус нельзя.
   * Checks / Проверки:
   *   1. status is 'open'                                   → 'ACCOUNT_CLOSED'
   *   2. amount is a positive safe integer                  → 'INVALID_AMOUNT'
   *   3. amount is not more than the balance                → 'INSUFFICIENT_FUNDS'
   *      amount не больше баланса (снять весь баланс можно)
   * Event / Событие: MoneyWithdrawn { amount }
   */
  withdraw(command: WithdrawMoney): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Closes the account. / Закрытие счёта.
   * Checks / Проверки:
   *   1. status is 'open'                                   → 'ACCOUNT_CLOSED'
   *   2. balance is exactly 0                               → 'BALANCE_NOT_ZERO'
   *      баланс равен 0
   * Event / Событие: AccountClosed (no extra fields / без дополнительных полей)
   */
  close(command: CloseAccount): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /** Called once the uncommitted events are safely stored. */
  markCommitted(): void {
    this.uncommittedEvents.length = 0;
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
      // TODO: MoneyDeposited → the balance grows by amount / баланс растёт на amount
      // TODO: MoneyWithdrawn → the balance shrinks by amount / баланс уменьшается на amount
      // TODO: AccountClosed → status 'closed', closedAt = the event's timestamp
      //                       статус 'closed', closedAt = timestamp события
      default:
        throw new Error(`not implemented: apply(${event.type})`);
    }
    this.version = event.version;
    if (isNew) this.uncommittedEvents.push(event);
  }
}

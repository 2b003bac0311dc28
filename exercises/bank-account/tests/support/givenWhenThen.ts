// The shared given/when/then helper bound to BankAccount: given past events, when a command runs
// (with the test clock), then expect new events or an AccountError code with no trace left.
import { BankAccount } from '@workspace/BankAccount';
import type { AccountCommand } from '@workspace/commands';
import { fixedClock, type Clock } from '@workspace/clock';
import type { AccountErrorCode } from '@workspace/errors';
import type { AccountEvent } from '@workspace/events';
import { givenWhenThen, rebuildOrFail, say } from '@engine/testing/givenWhenThen';
import { ACCOUNT_ID, NOW } from './fixtures';
import { stateOf } from './state';

function replay(history: AccountEvent[], command: AccountCommand, clock: Clock): BankAccount {
  return rebuildOrFail(history, command, say('the account', 'счёт'), () => BankAccount.fromEvents(history, clock));
}

function run(account: BankAccount | undefined, command: AccountCommand, clock: Clock): BankAccount {
  switch (command.type) {
    case 'OpenAccount': {
      const { type: _type, accountId = ACCOUNT_ID, ...open } = command;
      return BankAccount.open(accountId, open, clock);
    }
    case 'DepositMoney': account!.deposit(command); break;
    case 'WithdrawMoney': account!.withdraw(command); break;
    case 'CloseAccount': account!.close(command); break;
  }
  return account!;
}

export const given = givenWhenThen<AccountEvent, AccountCommand, BankAccount, AccountErrorCode, Clock>({
  nameOf: (command) => command.type,
  execute(history, command, clock = fixedClock(NOW)) {
    const account = command.type === 'OpenAccount' ? undefined : replay(history, command, clock);
    try {
      const result = run(account, command, clock);
      return { result, error: undefined, events: [...result.uncommittedEvents], state: stateOf(result) };
    } catch (error) {
      return { result: account, error, events: account ? [...account.uncommittedEvents] : [], state: account && stateOf(account) };
    }
  },
  stateBefore: (history, command, clock = fixedClock(NOW)) => (command.type === 'OpenAccount' ? undefined : stateOf(replay(history, command, clock))),
});

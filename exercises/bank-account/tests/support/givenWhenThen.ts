// Given past events, when a command runs, then expect new events or a refusal with a code.
// A failure throws an Error whose `details` the runner shows beside the test:
// {given, command, expected_events, actual_events} or {given, command, expected_error_code, actual_error_code}.
import { expect } from 'vitest';
import { BankAccount } from '@workspace/BankAccount';
import type { AccountCommand } from '@workspace/commands';
import { fixedClock, type Clock } from '@workspace/clock';
import type { AccountErrorCode } from '@workspace/errors';
import type { AccountEvent } from '@workspace/events';
import { ACCOUNT_ID, NOW } from './fixtures';
import { stateOf } from './state';

export class ScenarioFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

interface Outcome {
  account: BankAccount | undefined;
  error: unknown;
  events: AccountEvent[];
}

/** Rebuilds the account from the given events; a failure here points at `apply`, not at the command. */
function replay(history: AccountEvent[], command: AccountCommand, clock: Clock): BankAccount {
  try {
    return BankAccount.fromEvents(history, clock);
  } catch (error) {
    throw new ScenarioFailure(
      `Rebuilding the account from the given events failed before ${command.type} ran (does apply handle every event?): ${messageOf(error)}`,
      { given: history, command },
    );
  }
}

function execute(history: AccountEvent[], command: AccountCommand, clock: Clock): Outcome {
  let account = command.type === 'OpenAccount' ? undefined : replay(history, command, clock);
  try {
    switch (command.type) {
      case 'OpenAccount': {
        const { type: _type, accountId = ACCOUNT_ID, ...open } = command;
        account = BankAccount.open(accountId, open, clock);
        break;
      }
      case 'DepositMoney': account!.deposit(command); break;
      case 'WithdrawMoney': account!.withdraw(command); break;
      case 'CloseAccount': account!.close(command); break;
    }
  } catch (error) {
    return { account, error, events: account ? [...account.uncommittedEvents] : [] };
  }
  return { account, error: undefined, events: account ? [...account.uncommittedEvents] : [] };
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Deep equality through the framework's own `toEqual`, reported as a ScenarioFailure. */
function sameOrFail(actual: unknown, expected: unknown, message: string, details: Record<string, unknown>): void {
  try {
    expect(actual).toEqual(expected);
  } catch (error) {
    throw new ScenarioFailure(`${message}\n${messageOf(error)}`, details);
  }
}

export function given(...history: AccountEvent[]) {
  return {
    when(command: AccountCommand, clock: Clock = fixedClock(NOW)) {
      const base = { given: history, command };
      return {
        /** Expects exactly these new events; returns the account for further checks. */
        then(...expected: AccountEvent[]): BankAccount {
          const { account, error, events } = execute(history, command, clock);
          if (error !== undefined) {
            throw new ScenarioFailure(`Expected ${expected.map((e) => e.type).join(', ') || 'no events'}, but ${command.type} threw: ${messageOf(error)}`, {
              ...base,
              expected_events: expected,
              actual_events: events,
              actual_error_code: codeOf(error),
            });
          }
          sameOrFail(events, expected, `${command.type} recorded other events than expected`, {
            ...base,
            expected_events: expected,
            actual_events: events,
          });
          return account!;
        },

        /** Expects an AccountError with this code, then no event and no change of state. */
        thenFails(code: AccountErrorCode): void {
          const before = command.type === 'OpenAccount' ? undefined : stateOf(replay(history, command, clock));
          const { account, error, events } = execute(history, command, clock);
          const details = { ...base, expected_error_code: code, actual_error_code: codeOf(error) };
          if (error === undefined) {
            throw new ScenarioFailure(`Expected ${command.type} to fail with ${code}, but it succeeded`, { ...details, actual_events: events });
          }
          if (codeOf(error) !== code) {
            throw new ScenarioFailure(
              `Expected ${command.type} to fail with ${code}, but it threw ${codeOf(error) ?? 'an error without a code'}: ${messageOf(error)}`,
              details,
            );
          }
          if (events.length > 0) {
            throw new ScenarioFailure(`${command.type} failed with ${code} but still recorded an event`, {
              ...base,
              expected_events: [],
              actual_events: events,
            });
          }
          if (account && before) {
            sameOrFail(stateOf(account), before, `${command.type} failed with ${code} but changed the account`, {
              ...details,
              expected_state: before,
              actual_state: stateOf(account),
            });
          }
        },
      };
    },
  };
}

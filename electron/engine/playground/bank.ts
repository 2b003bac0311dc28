// The bank account in the playground: open, deposit, withdraw, close on an event-sourced stream
// 'account-<id>' in the playground's own store. The balance is never stored: it is folded from the
// events, so any version can be replayed (time travel). Commands are decided by the playground's
// own account rules, or by the student's BankAccount (bank-account exercise) in the sandbox.
import { CodedError } from '../common/codedError';
import type { EventStore, RecordedEvent } from '../store';
import { errorCode, newOrderId } from './orders';

export type AccountEventType = 'AccountOpened' | 'MoneyDeposited' | 'MoneyWithdrawn' | 'AccountClosed';
/** The exercise's event shape: type, accountId, version, timestamp, plus ownerName or amount. */
export interface AccountEvent {
  type: AccountEventType;
  accountId: string;
  version: number;
  timestamp: string;
  ownerName?: string;
  amount?: number;
}

export type AccountCommand =
  | { type: 'OpenAccount'; accountId?: string; ownerName: string }
  | { type: 'DepositMoney'; accountId: string; amount: number }
  | { type: 'WithdrawMoney'; accountId: string; amount: number }
  | { type: 'CloseAccount'; accountId: string };

export interface AccountState {
  id: string;
  version: number;
  status: 'none' | 'open' | 'closed';
  ownerName: string;
  balance: number;
  openedAt: string | null;
  closedAt: string | null;
}

export const emptyAccount = (): AccountState => ({ id: '', version: 0, status: 'none', ownerName: '', balance: 0, openedAt: null, closedAt: null });
export const accountStreamId = (accountId: string) => `account-${accountId}`;
const EVENT_TYPES = new Set<string>(['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn', 'AccountClosed']);

/** Folds one event into the state: the only place the balance changes. */
export function evolveAccount(state: AccountState, e: AccountEvent): AccountState {
  const next = { ...state, version: e.version };
  switch (e.type) {
    case 'AccountOpened':
      return { ...next, id: e.accountId, status: 'open', ownerName: e.ownerName ?? '', balance: 0, openedAt: e.timestamp };
    case 'MoneyDeposited':
      return { ...next, balance: state.balance + (e.amount ?? 0) };
    case 'MoneyWithdrawn':
      return { ...next, balance: state.balance - (e.amount ?? 0) };
    case 'AccountClosed':
      return { ...next, status: 'closed', closedAt: e.timestamp };
  }
}

export const foldAccount = (events: readonly AccountEvent[]) => events.reduce(evolveAccount, emptyAccount());

export function toAccountEvent(r: RecordedEvent): AccountEvent {
  return { ...(r.data as Omit<AccountEvent, 'type'>), type: r.type as AccountEventType };
}

/** The account domain refused a command (its code is shown to the student like an order refusal). */
export class AccountRefusal extends CodedError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const wholeCents = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

/** The playground's own account rules (same codes as the exercise): the new events, or a refusal. */
export function decideAccount(state: AccountState, c: AccountCommand, now: string): AccountEvent[] {
  const base = { accountId: c.accountId ?? '', version: state.version + 1, timestamp: now };
  if (c.type === 'OpenAccount') {
    if (!c.ownerName?.trim()) throw new AccountRefusal('VALIDATION', 'the owner’s name must not be blank');
    return [{ ...base, type: 'AccountOpened', ownerName: c.ownerName }];
  }
  if (state.status === 'closed') throw new AccountRefusal('ACCOUNT_CLOSED', 'the account is closed');
  switch (c.type) {
    case 'DepositMoney':
      if (!wholeCents(c.amount)) throw new AccountRefusal('INVALID_AMOUNT', 'the amount must be a positive whole number of cents');
      if (!Number.isSafeInteger(state.balance + c.amount)) throw new AccountRefusal('INVALID_AMOUNT', 'the balance would be too large to count exactly');
      return [{ ...base, type: 'MoneyDeposited', amount: c.amount }];
    case 'WithdrawMoney':
      if (!wholeCents(c.amount)) throw new AccountRefusal('INVALID_AMOUNT', 'the amount must be a positive whole number of cents');
      if (c.amount > state.balance) throw new AccountRefusal('INSUFFICIENT_FUNDS', `${c.amount} is more than the balance of ${state.balance}: no overdraft here`);
      return [{ ...base, type: 'MoneyWithdrawn', amount: c.amount }];
    case 'CloseAccount':
      if (state.balance !== 0) throw new AccountRefusal('BALANCE_NOT_ZERO', `take the remaining ${state.balance} cents out first`);
      return [{ ...base, type: 'AccountClosed' }];
  }
}

/** Someone that decides account commands from the history: the reference rules or the student's class. */
export interface AccountDecider {
  decide(history: AccountEvent[], command: AccountCommand): Promise<{ ok: true; events: AccountEvent[] } | { ok: false; code: string; message: string }>;
}

export const referenceAccountDecider: AccountDecider = {
  async decide(history, command) {
    try {
      return { ok: true, events: decideAccount(foldAccount(history), command, new Date().toISOString()) };
    } catch (error) {
      const code = error instanceof AccountRefusal ? error.code : 'INTERNAL';
      return { ok: false, code, message: error instanceof Error ? error.message : String(error) };
    }
  },
};

export type AccountOutcome =
  | { ok: true; accountId: string; version: number; balance: number; events: { type: string; version: number; globalPosition: number }[] }
  | { ok: false; accountId: string | null; code: string; message: string; appended: 0 };

/** Decides a command (reference or student), checks the student's events, appends them. */
export async function runAccountCommand(store: EventStore, decider: AccountDecider, command: AccountCommand): Promise<AccountOutcome> {
  const accountId = command.type === 'OpenAccount' ? command.accountId || `acc-${newOrderId()}` : command.accountId;
  const streamId = accountStreamId(accountId);
  const stream = store.readStream(streamId);
  const refuse = (code: string, message: string): AccountOutcome => ({ ok: false, accountId, code, message, appended: 0 });
  if (command.type === 'OpenAccount' && stream.currentVersion > 0) return refuse('VALIDATION', `account ${accountId} is already open`);
  if (command.type !== 'OpenAccount' && stream.currentVersion === 0) return refuse('NOT_FOUND', `no account ${accountId}`);
  const history = stream.events.map(toAccountEvent);
  const answer = await decider.decide(history, { ...command, accountId } as AccountCommand);
  if (!answer.ok) return refuse(answer.code, answer.message);
  // The student's events are input: account events of this account, numbered on from the stream.
  for (const [i, e] of answer.events.entries()) {
    const amountOk = e?.type === 'MoneyDeposited' || e?.type === 'MoneyWithdrawn' ? Number.isSafeInteger(e.amount) : true;
    if (!e || !EVENT_TYPES.has(e.type) || e.accountId !== accountId || e.version !== stream.currentVersion + i + 1 || !amountOk) {
      return refuse('BAD_EVENT', `the account returned an event the playground cannot store: ${JSON.stringify(e).slice(0, 200)}`);
    }
  }
  const balanceOf = (events: AccountEvent[]) => foldAccount([...history, ...events]).balance;
  if (answer.events.length === 0) return { ok: true, accountId, version: stream.currentVersion, balance: balanceOf([]), events: [] };
  try {
    const r = store.appendToStream(
      streamId,
      answer.events.map(({ type, ...data }) => ({ type, data })),
      { expectedVersion: stream.currentVersion === 0 ? 'no_stream' : stream.currentVersion },
    );
    return {
      ok: true,
      accountId,
      version: r.nextExpectedVersion,
      balance: balanceOf(answer.events),
      events: answer.events.map((e, i) => ({ type: e.type, version: e.version, globalPosition: r.firstGlobalPosition + i })),
    };
  } catch (error) {
    return refuse(errorCode(error), error instanceof Error ? error.message : String(error));
  }
}

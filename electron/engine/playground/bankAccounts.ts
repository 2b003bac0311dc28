// The bank tab's part of a session: account commands (decided by the playground's rules or the
// student's BankAccount), the refusals it lists with their codes, and the account views.
import { accountStreamId, foldAccount, runAccountCommand, toAccountEvent, type AccountCommand, type AccountDecider, type AccountOutcome } from './bank';
import type { SessionCore } from './sessionCore';
import { recentStreamIds } from './storeViews';

export interface BankRefusal {
  seq: number;
  at: string;
  accountId: string | null;
  command: string;
  amount: number | null;
  code: string;
  message: string;
  source: string;
}

const KEPT_REFUSALS = 30;

export class BankAccounts {
  /** Refused account commands, newest first. */
  private refusals: BankRefusal[] = [];

  constructor(private readonly core: SessionCore) {}

  async command(command: AccountCommand, decider: AccountDecider, source: 'reference' | 'draft'): Promise<AccountOutcome> {
    const outcome = await runAccountCommand(this.core.store, decider, command);
    if (!outcome.ok) {
      const amount = 'amount' in command && typeof command.amount === 'number' ? command.amount : null;
      const seq = (this.refusals[0]?.seq ?? 0) + 1;
      this.refusals.unshift({ seq, at: new Date().toISOString(), accountId: outcome.accountId, command: command.type, amount, code: outcome.code, message: outcome.message.slice(0, 300), source });
      this.refusals.length = Math.min(this.refusals.length, KEPT_REFUSALS);
      this.core.changed('bank');
    }
    return outcome;
  }

  /** An account's stream and its state folded from every event. */
  account(accountId: string) {
    const r = this.core.store.readStream(accountStreamId(accountId));
    return {
      accountId,
      currentVersion: r.currentVersion,
      events: r.events.map((e) => ({ version: e.streamVersion, position: e.globalPosition, type: e.type, data: e.data, recordedAt: e.recordedAt })),
      state: foldAccount(r.events.map(toAccountEvent)),
    };
  }

  /** Time travel: the account replayed up to `version`, and the event that made that version. */
  stateAt(accountId: string, version: number) {
    const r = this.core.store.readStream(accountStreamId(accountId), { toVersion: version });
    const last = r.events[r.events.length - 1];
    return {
      version,
      state: foldAccount(r.events.map(toAccountEvent)),
      event: last && last.streamVersion === version ? { version: last.streamVersion, type: last.type, data: last.data, recordedAt: last.recordedAt } : null,
    };
  }

  overview(limit = 100) {
    return { accountIds: recentStreamIds(this.core.store, 'AccountOpened', accountStreamId(''), limit), refusals: this.refusals };
  }
}

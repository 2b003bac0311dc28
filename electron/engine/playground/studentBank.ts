// The student's BankAccount (bank-account exercise) deciding the playground's account commands in
// the runner's sandbox: the probe rebuilds the account from the stream's history, runs the command
// and reports the new events (or the refusal's code) and the balance the student's class holds.
import type { Runner } from '../runner';
import type { AccountCommand, AccountDecider, AccountEvent } from './bank';
import { PROBE_REPORT_JS, runProbe, writeProbe } from './probe';

export const BANK_EXERCISE = 'bank-account';
export const BANK_PROBE_ID = 'playground-bank-probe';
export const BANK_FILE = 'BankAccount.ts';

const BANK_PROBE_TEST = `import { it } from 'vitest';
import { BankAccount } from '@workspace/BankAccount';
import { input } from '@workspace/probeInput';

${PROBE_REPORT_JS}

it('playground bank probe', () => {
  const clock = () => new Date().toISOString();
  let out;
  try {
    const c = input.command;
    let account;
    if (c.type === 'OpenAccount') {
      account = BankAccount.open(c.accountId, { ownerName: c.ownerName }, clock);
    } else {
      account = BankAccount.fromEvents(input.history, clock);
      const methods = { DepositMoney: 'deposit', WithdrawMoney: 'withdraw', CloseAccount: 'close' };
      const { type, ...args } = c;
      account[methods[type]](args);
    }
    out = { ok: true, events: account.uncommittedEvents, balance: account.balance };
  } catch (e) {
    out = { ok: false, code: String((e && e.code) || 'ERROR'), message: String((e && e.message) || e) };
  }
  report(out);
});
`;

export function writeBankProbe(workDir: string, sourceExerciseDir: string): string {
  return writeProbe(workDir, { id: BANK_PROBE_ID, sourceExerciseDir, editable: [BANK_FILE], test: BANK_PROBE_TEST });
}

export function studentAccountDecider(runner: Runner, source: string): AccountDecider {
  return {
    async decide(history: AccountEvent[], command: AccountCommand) {
      const answer = await runProbe<{ ok: true; events: AccountEvent[] } | { ok: false; code: string; message: string }>(
        runner,
        BANK_PROBE_ID,
        { [BANK_FILE]: source },
        { history, command },
      );
      if (!answer.ok) return { ok: false as const, code: 'MY_CODE_ERROR', message: answer.message };
      const r = answer.report;
      if (!r || typeof r !== 'object' || (r.ok && !Array.isArray(r.events))) return { ok: false as const, code: 'MY_CODE_ERROR', message: 'the probe gave no answer' };
      return r;
    },
  };
}

// The student's BankAccount (bank-account exercise) deciding the playground's account commands in
// the runner's sandbox (the call API): a driver rebuilds the account from the stream's history, runs the command
// and reports the new events (or the refusal's code) and the balance the student's class holds.
import { z } from 'zod';
import type { AccountCommand, AccountDecider, AccountEvent } from './bank';
import { callStudentCode, whyNoAnswer, type StudentCodeHost } from './studentCode';

export const BANK_EXERCISE = 'bank-account';
export const BANK_FILE = 'BankAccount.ts';

const BANK_DRIVER = `import { BankAccount } from './BankAccount';

const METHODS: Record<string, string> = { DepositMoney: 'deposit', WithdrawMoney: 'withdraw', CloseAccount: 'close' };

// eslint-disable-next-line -- the input is checked by the host's schemas on both sides; the student's class is called by name
export function decide(input: any): unknown {
  const clock = () => new Date().toISOString();
  try {
    const c = input.command;
    let account: any;
    if (c.type === 'OpenAccount') {
      account = BankAccount.open(c.accountId, { ownerName: c.ownerName }, clock);
    } else {
      account = BankAccount.fromEvents(input.history, clock);
      const { type, ...args } = c;
      account[METHODS[type]](args);
    }
    return { ok: true, events: account.uncommittedEvents, balance: account.balance };
  } catch (e: any) {
    return { ok: false, code: String((e && e.code) || 'ERROR'), message: String((e && e.message) || e) };
  }
}
`;

const Decision = z.union([
  z.object({ ok: z.literal(true), events: z.array(z.looseObject({ type: z.string() })), balance: z.unknown().optional() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);

export function studentAccountDecider(host: StudentCodeHost, source: string): AccountDecider {
  return {
    async decide(history: AccountEvent[], command: AccountCommand) {
      const answer = await callStudentCode(host, { source: BANK_DRIVER, exportName: 'decide' }, { [BANK_FILE]: source }, { history, command }, Decision);
      if (!answer.ok) return { ok: false as const, code: 'MY_CODE_ERROR', message: whyNoAnswer(answer.error) };
      const d = answer.value;
      return d.ok ? { ok: true as const, events: d.events as unknown as AccountEvent[] } : d;
    },
  };
}

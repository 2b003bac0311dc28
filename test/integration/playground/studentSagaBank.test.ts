// The saga and the bank account with the student's code: the order-saga draft (or, without one,
// the exercise's reference solution) runs in the sandbox and its timeline is shown like the
// built-in saga's; the bank tab's account is decided by the reference rules or the student's draft.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/api/engine';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { projectRoot } from '../../../electron/engine/projectRoot';

const root = projectRoot();
const engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: root });
afterAll(() => engine.close());

async function call(name: string, input: unknown) {
  const res = (await engine.dispatch(name as never, input)) as { ok: boolean; value?: unknown; error?: { code: string } };
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
  return res.value as Record<string, unknown>;
}
const read = (...p: string[]) => fs.readFileSync(path.join(root, 'exercises', ...p), 'utf8');
type Entry = { kind: string; name: string; actor: string };
const compensations = (run: Record<string, unknown>) => (run.timeline as Entry[]).filter((e) => e.kind === 'compensation').map((e) => e.name);

describe('"run my saga"', () => {
  it('without a draft runs the reference solution, labelled so, and compensates a failed payment', async () => {
    const run = await call('playground.sagaRunMine', { failAt: 'takePayment', failCompensation: false });
    expect(run).toMatchObject({ source: 'solution', status: 'compensated', failAt: 'takePayment', mode: 'orchestrated' });
    expect(compensations(run)).toEqual(['ReleaseStock', 'StockReleased', 'OrderCancelled']);
    const log = (run.timeline as Entry[]).filter((e) => e.kind === 'log').map((e) => e.name);
    expect(log).toEqual(['StepCompleted', 'StepFailed', 'StepCompensated', 'SagaAborted']);
    expect((await call('playground.sagaList', {})) as unknown as unknown[]).toHaveLength(1);
  }, 60_000);

  it("a draft that compensates in forward order shows a different timeline from the reference's", async () => {
    const reference = await call('playground.sagaRunMine', { failAt: 'createShipment', failCompensation: false });
    expect(compensations(reference)).toEqual(['RefundPayment', 'PaymentRefunded', 'ReleaseStock', 'StockReleased', 'OrderCancelled']);
    const mutant = loadExercise(path.join(root, 'exercises'), 'order-saga').mutants['compensate-forward-order']!['OrderSaga.ts']!;
    await call('drafts.save', { exerciseId: 'order-saga', files: { 'OrderSaga.ts': mutant }, cursor: null });
    const mine = await call('playground.sagaRunMine', { failAt: 'createShipment', failCompensation: false });
    expect(mine.source).toBe('draft');
    expect(compensations(mine)).toEqual(['ReleaseStock', 'StockReleased', 'RefundPayment', 'PaymentRefunded', 'OrderCancelled']);
  }, 60_000);

  it('a failing compensation is shown, and the starter (not implemented) ends in an error with its message', async () => {
    await call('drafts.save', { exerciseId: 'order-saga', files: { 'OrderSaga.ts': read('order-saga', 'solution', 'OrderSaga.ts') }, cursor: null });
    const run = await call('playground.sagaRunMine', { failAt: 'createShipment', failCompensation: true });
    expect(run.status).toBe('compensation-failed');
    expect((run.timeline as Entry[]).map((e) => e.name)).toContain('RefundFailed');
    await call('drafts.save', { exerciseId: 'order-saga', files: { 'OrderSaga.ts': read('order-saga', 'starter', 'OrderSaga.ts') }, cursor: null });
    const starter = await call('playground.sagaRunMine', { failAt: null, failCompensation: false });
    expect(starter.status).toBe('error');
    expect(JSON.stringify(starter.timeline)).toMatch(/SagaThrew/);
  }, 60_000);

  it('a draft that aborts on its own (no step set to fail) cancels the order naming the step its log says failed', async () => {
    const solution = read('order-saga', 'solution', 'OrderSaga.ts');
    const selfFailing = solution.replace(
      'result = await this.perform(step, request);',
      "if (step === 'take-payment') throw new Error('card check refused');\n        result = await this.perform(step, request);",
    );
    expect(selfFailing).not.toBe(solution);
    await call('drafts.save', { exerciseId: 'order-saga', files: { 'OrderSaga.ts': selfFailing }, cursor: null });
    const run = await call('playground.sagaRunMine', { failAt: null, failCompensation: false, lang: 'ru' });
    expect(run.status).toBe('compensated');
    const stream = await call('playground.stream', { orderId: run.orderId });
    const cancelled = (stream.events as { type: string; data: { reason?: string } }[]).find((e) => e.type === 'OrderCancelled');
    expect(cancelled?.data.reason).toBe(`сага ${String(run.sagaId)}: шаг take-payment не удался`);
  }, 60_000);
});

describe('the bank account', () => {
  const cmd = (command: unknown, code = 'reference') => call('playground.bankCommand', { command, code }) as Promise<{ outcome: Record<string, unknown>; source: string; noDraft: boolean }>;

  it('opens, deposits, refuses an overdraft with its code (nothing appended), and replays any version', async () => {
    expect((await cmd({ type: 'OpenAccount', accountId: 'acc1', ownerName: 'Ada' })).outcome).toMatchObject({ ok: true, version: 1, balance: 0 });
    expect((await cmd({ type: 'DepositMoney', accountId: 'acc1', amount: 5000 })).outcome).toMatchObject({ ok: true, version: 2, balance: 5000 });
    expect((await cmd({ type: 'WithdrawMoney', accountId: 'acc1', amount: 1200 })).outcome).toMatchObject({ ok: true, balance: 3800 });
    expect((await cmd({ type: 'WithdrawMoney', accountId: 'acc1', amount: 9999 })).outcome).toMatchObject({ ok: false, code: 'INSUFFICIENT_FUNDS', appended: 0 });
    expect((await cmd({ type: 'CloseAccount', accountId: 'acc1' })).outcome).toMatchObject({ ok: false, code: 'BALANCE_NOT_ZERO' });
    const account = await call('playground.bankAccount', { accountId: 'acc1' });
    expect(account).toMatchObject({ currentVersion: 3, state: { balance: 3800, status: 'open', ownerName: 'Ada' } });
    expect(await call('playground.bankStateAt', { accountId: 'acc1', version: 2 })).toMatchObject({ state: { balance: 5000 }, event: { type: 'MoneyDeposited' } });
    const overview = await call('playground.bankOverview', {});
    expect(overview).toMatchObject({ accountIds: ['acc1'], hasDraft: false });
    expect((overview.refusals as { code: string }[]).map((r) => r.code)).toEqual(['BALANCE_NOT_ZERO', 'INSUFFICIENT_FUNDS']);
  });

  it("'mine' without a draft falls back to the reference, and says so; with a draft the student's class decides", async () => {
    expect(await cmd({ type: 'OpenAccount', accountId: 'acc2', ownerName: 'Bo' }, 'mine')).toMatchObject({ source: 'reference', noDraft: true });
    const overdraft = loadExercise(path.join(root, 'exercises'), 'bank-account').mutants['overdraft-allowed']!['BankAccount.ts']!;
    await call('drafts.save', { exerciseId: 'bank-account', files: { 'BankAccount.ts': overdraft }, cursor: null });
    const r = await cmd({ type: 'WithdrawMoney', accountId: 'acc2', amount: 700 }, 'mine');
    expect(r).toMatchObject({ source: 'draft', noDraft: false, outcome: { ok: true, balance: -700 } });
    await call('drafts.save', { exerciseId: 'bank-account', files: { 'BankAccount.ts': read('bank-account', 'solution', 'BankAccount.ts') }, cursor: null });
    expect((await cmd({ type: 'WithdrawMoney', accountId: 'acc2', amount: 1 }, 'mine')).outcome).toMatchObject({ ok: false, code: 'INSUFFICIENT_FUNDS' });
  }, 60_000);
});

// playground.* through the engine's dispatcher: a refused command is a normal answer (with its
// code), pushes are coalesced, and "my code" runs the student's draft in the sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';

const root = projectRoot();
const pushed: { topic: string; payload: unknown }[] = [];
const engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: root });
engine.onPush((topic, payload) => pushed.push({ topic, payload }));
afterAll(() => engine.close());

const create = { type: 'CreateOrder', orderId: 'api1', customerId: 'c', shippingAddress: 'a', items: [{ productId: 'p', productName: 'P', quantity: 2, unitPrice: 250 }] };

async function call(name: string, input: unknown) {
  const res = (await engine.dispatch(name as never, input)) as { ok: boolean; value?: unknown; error?: { code: string } };
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
  return res.value as Record<string, unknown>;
}

describe('playground over the API', () => {
  it('accepts a command, refuses the next with a domain code, and appends nothing then', async () => {
    expect(await call('playground.command', { command: create })).toMatchObject({ ok: true, orderId: 'api1', version: 1 });
    const refused = await call('playground.command', { command: { type: 'PayOrder', orderId: 'api1', paymentId: 'x', paymentMethod: 'paypal', amount: 1 } });
    expect(refused).toMatchObject({ ok: false, code: 'AMOUNT_MISMATCH', appended: 0 });
    expect(await call('playground.stream', { orderId: 'api1' })).toMatchObject({ currentVersion: 1, writeState: { status: 'pending', totalAmount: 500 } });
  });

  it('rejects a malformed command at the boundary', async () => {
    const res = await engine.dispatch('playground.command' as never, { command: { type: 'Explode' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('pages the global log and coalesces pushes', async () => {
    await call('playground.scenarioRunAll', { id: 'load-1000' });
    const page = await call('playground.globalLog', { offset: 100, limit: 3 });
    expect((page.events as { position: number }[]).map((e) => e.position)).toEqual([101, 102, 103]);
    await new Promise((r) => setTimeout(r, 400));
    const changed = pushed.filter((p) => p.topic === 'playground.changed');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(20);
    expect(changed.some((p) => (p.payload as { parts: string[] }).parts.includes('store'))).toBe(true);
  });

  it('"my code" needs a draft, then runs the student’s aggregate in the sandbox', async () => {
    expect(await call('playground.setMyCode', { enabled: true })).toEqual({ enabled: false, message: 'NO_DRAFT' });
    const solution = fs.readFileSync(path.join(root, 'exercises/orders-lifecycle/solution/OrderAggregate.ts'), 'utf8');
    await call('drafts.save', { exerciseId: 'orders-lifecycle', files: { 'OrderAggregate.ts': solution.replace("`Only a pending order can be paid", "`MINE: only a pending order can be paid") }, cursor: null });
    expect(await call('playground.setMyCode', { enabled: true })).toEqual({ enabled: true });
    expect(await call('playground.overview', {})).toMatchObject({ myCode: true });
    expect(await call('playground.command', { command: { ...create, orderId: 'mine1' } })).toMatchObject({ ok: true, version: 1 });
    const pay = { type: 'PayOrder', orderId: 'mine1', paymentId: 'x', paymentMethod: 'paypal', amount: 500 };
    expect(await call('playground.command', { command: pay })).toMatchObject({ ok: true, version: 2 });
    const again = await call('playground.command', { command: pay });
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(String(again.message)).toContain('MINE');
    expect(await call('playground.setMyCode', { enabled: false })).toEqual({ enabled: false });
  }, 30_000);

  it('reset needs confirmation and empties the playground', async () => {
    expect(await engine.dispatch('playground.reset' as never, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await call('playground.reset', { confirm: true });
    expect(await call('playground.overview', {})).toMatchObject({ head: 0, orderIds: [] });
  });
});

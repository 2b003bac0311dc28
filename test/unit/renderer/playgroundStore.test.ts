// The playground page's store against the real engine (its dispatcher and push bus, no bridge):
// commands and actions go through it, the engine's coalesced `playground.changed` push refreshes
// exactly the views that show the changed parts, once per push, and errors reach the page worded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';
import { EngineError } from '../../../renderer/src/bridge/types';
import { playgroundState, type PlaygroundEngine, type PlaygroundState } from '../../../renderer/src/features/playground/playgroundState';

let engine: Engine;
let store: StoreApi<PlaygroundState>;
let calls: string[];
let pushes: number;
let stop: () => void;

beforeEach(() => {
  engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: projectRoot() });
  calls = [];
  pushes = 0;
  engine.onPush((topic) => void (topic === 'playground.changed' && pushes++));
  const port: PlaygroundEngine = {
    async invoke(name, input) {
      calls.push(name);
      const r = await engine.dispatch(name, input as never);
      if (!r.ok) throw new EngineError(r.error);
      return r.value as never;
    },
    onChanged: (listener) => engine.onPush((topic, payload) => topic === 'playground.changed' && listener(payload as never)),
    describeError: (e) => `worded:${e instanceof EngineError ? e.code : 'unknown'}`,
  };
  store = createStore(playgroundState(port));
  stop = store.getState().start();
});
afterEach(async () => {
  stop();
  await engine.close();
});

/** Waits until `check` holds (the push comes after the engine's coalescing interval); the test timeout bounds it. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}
const count = (name: string) => calls.filter((c) => c === name).length;
const create = (orderId: string) => ({ type: 'CreateOrder' as const, orderId, customerId: 'ada', shippingAddress: '1 Quay', items: [{ productId: 'p', productName: 'P', quantity: 1, unitPrice: 700 }] });

describe('playground store', () => {
  it('a command selects its order, and its push refreshes the stream and overview once each', async () => {
    await until(() => store.getState().overview !== null);
    await new Promise((r) => setTimeout(r, 400));
    calls = [];
    pushes = 0;
    const outcome = await store.getState().send(create('s1'));
    expect(outcome).toMatchObject({ ok: true, orderId: 's1' });
    expect(store.getState().lastOutcome).toMatchObject({ ok: true, decidedBy: 'reference' });
    expect(store.getState().selectedOrderId).toBe('s1');
    await until(() => store.getState().overview?.head === 1 && store.getState().stream?.currentVersion === 1);
    // Let any further pushes for this command arrive, then count: the action itself refetches nothing.
    await new Promise((r) => setTimeout(r, 400));
    expect(store.getState().stream!.events.map((e) => e.type)).toEqual(['OrderCreated']);
    expect(pushes).toBeGreaterThanOrEqual(1);
    // Each push refreshes the overview once and the action itself refetches nothing (once, not twice);
    // the stream is fetched for the new selection and then once per push that names the store.
    expect(count('playground.overview')).toBe(pushes);
    expect(count('playground.stream')).toBeLessThanOrEqual(pushes + 1);
    expect(count('playground.broker')).toBeLessThanOrEqual(pushes);
  });

  it('an accepted command on the selected order shows its new version with the outcome, before any push', async () => {
    await store.getState().send(create('s4'));
    await until(() => store.getState().stream?.currentVersion === 1);
    const outcome = await store.getState().send({ type: 'PayOrder', orderId: 's4', paymentId: 'p-s4', paymentMethod: 'credit_card', amount: 700 });
    expect(outcome).toMatchObject({ ok: true, orderId: 's4' });
    // At the moment the outcome is on screen, the write side already holds it.
    expect(store.getState().lastOutcome).toMatchObject({ ok: true });
    expect(store.getState().stream).toMatchObject({ currentVersion: 2, writeState: { status: 'paid', version: 2 } });
  });

  it('a refusal is an outcome with its code and keeps the selection; a bad input is a worded error', async () => {
    await store.getState().send(create('s2'));
    const refused = await store.getState().send({ type: 'ShipOrder', orderId: 's2', trackingNumber: 'T', carrier: 'DHL' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(store.getState().lastOutcome).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(store.getState().selectedOrderId).toBe('s2');
    expect(await store.getState().send({ type: 'DeliverOrder', orderId: '' })).toBeNull();
    expect(store.getState().error).toBe('worded:INVALID_INPUT');
    expect(store.getState().busy).toBe(false);
  });

  it('only the parts a push names are fetched: a saga run refreshes the sagas, not the bank', async () => {
    await until(() => store.getState().bank !== null);
    calls = [];
    await store.getState().runSaga({ mode: 'orchestrated', failAt: null });
    await until(() => store.getState().sagas.length === 1);
    expect(store.getState().sagas[0]).toMatchObject({ status: 'completed', mode: 'orchestrated' });
    expect(count('playground.sagaRun')).toBe(1);
    await store.getState().refresh(['sagas']);
    const before = count('playground.bankOverview');
    await store.getState().refresh(['sagas']);
    expect(count('playground.bankOverview')).toBe(before);
  });

  it('the bank tab follows the account a command opened, and reset empties every view', async () => {
    const answer = await store.getState().bankCommand({ type: 'OpenAccount', ownerName: 'Grace' }, 'reference');
    expect(answer).toMatchObject({ outcome: { ok: true }, source: 'reference', noDraft: false });
    await until(() => store.getState().bankAccount?.currentVersion === 1);
    expect(store.getState().bankAccountId).toBe(answer!.outcome.accountId);
    await store.getState().send(create('s3'));
    await until(() => store.getState().stream !== null);
    await store.getState().reset();
    await until(() => store.getState().overview?.head === 0 && store.getState().bankAccount === null);
    expect(store.getState()).toMatchObject({ selectedOrderId: null, stream: null, lastOutcome: null, bankAccountId: '' });
  });
});

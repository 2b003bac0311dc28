// The student's aggregate decides a playground command through the domain's command handler: its
// events are stored like the reference aggregate's, bad events are refused, and a decision made on
// a history that moved on while the sandbox ran is refused as a concurrency conflict.
import { describe, expect, it } from 'vitest';
import { OrderAggregate, executeCommand, type OrderCommand, type OrderEvent } from '../../../electron/engine/domain/orders';
import { createMemoryEventStore } from '../../../electron/engine/store';
import { runReferenceCommand, runStudentCommand, type AggregateDecider } from '../../../electron/engine/playground/orders';
import { sampleCreate, samplePay } from '../../../electron/engine/playground/samples';

/** A decider that runs the reference aggregate in-process (what a correct student draft answers). */
const referenceDecider = (before?: () => void): AggregateDecider => ({
  async decide(history: OrderEvent[], command: OrderCommand) {
    before?.();
    const order = command.type === 'CreateOrder' ? OrderAggregate.create(command.orderId!, command) : OrderAggregate.fromEvents(history);
    if (command.type !== 'CreateOrder') executeCommand(order, command);
    return { ok: true as const, events: [...order.uncommittedEvents] };
  },
});

describe('runStudentCommand', () => {
  it('stores what the student decided, with the positions the store gave it', async () => {
    const store = createMemoryEventStore();
    runReferenceCommand(store, sampleCreate('other'));
    const created = await runStudentCommand(store, referenceDecider(), sampleCreate('o1'));
    expect(created).toMatchObject({ ok: true, orderId: 'o1', version: 1, events: [{ type: 'OrderCreated', version: 1, globalPosition: 2 }] });
    const paid = await runStudentCommand(store, referenceDecider(), samplePay('o1'));
    expect(paid).toMatchObject({ ok: true, version: 2, events: [{ type: 'OrderPaid', globalPosition: 3 }] });
    expect(store.readStream('order-o1').events.map((e) => e.type)).toEqual(['OrderCreated', 'OrderPaid']);
  });

  it('refuses events of another order, and an order that does not exist, appending nothing', async () => {
    const store = createMemoryEventStore();
    const wrong: AggregateDecider = { decide: async (h, c) => ({ ok: true, events: [{ ...(await referenceDecider().decide(h, c) as { events: OrderEvent[] }).events[0]!, aggregateId: 'x' }] }) };
    expect(await runStudentCommand(store, wrong, sampleCreate('o2'))).toMatchObject({ ok: false, code: 'BAD_EVENT', appended: 0 });
    expect(await runStudentCommand(store, referenceDecider(), samplePay('nope'))).toMatchObject({ ok: false, code: 'NOT_FOUND', appended: 0 });
    expect(store.headPosition()).toBe(0);
  });

  it('a decision made on an old history is refused with CONCURRENCY, not stored on top of the newer events', async () => {
    const store = createMemoryEventStore();
    runReferenceCommand(store, sampleCreate('o3'));
    // While the student's code "runs", someone else pays the order.
    const racing = referenceDecider(() => runReferenceCommand(store, samplePay('o3', 'other')));
    const outcome = await runStudentCommand(store, racing, { type: 'ChangeOrderAddress', orderId: 'o3', newAddress: '2 Quay St' });
    expect(outcome).toMatchObject({ ok: false, code: 'CONCURRENCY', appended: 0 });
    expect(store.readStream('order-o3').events.map((e) => e.type)).toEqual(['OrderCreated', 'OrderPaid']);
  });
});

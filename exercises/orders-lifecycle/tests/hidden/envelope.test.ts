// Every new event: this order's id, the next version, and the time from the injected clock
// (read once per event). An aggregate never asks the system clock.
import { describe, expect, it } from 'vitest';
import { fixedClock, steppingClock } from '@workspace/clock';
import type { OrderAddressChanged } from '@workspace/events';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { commands, history, ORDER_ID, TOTAL } from '../support/fixtures';

describe('event envelopes', () => {
  it('each step takes the next clock reading and the next version', () => {
    const clock = steppingClock('2031-06-01T00:00:00.000Z', 1000);
    const order = OrderAggregate.fromEvents(history.pending(), clock);
    order.pay(commands.pay());
    order.ship(commands.ship());
    order.deliver(commands.deliver());
    expect(order.uncommittedEvents.map(({ aggregateId, version, timestamp }) => ({ aggregateId, version, timestamp }))).toEqual([
      { aggregateId: ORDER_ID, version: 2, timestamp: '2031-06-01T00:00:00.000Z' },
      { aggregateId: ORDER_ID, version: 3, timestamp: '2031-06-01T00:00:01.000Z' },
      { aggregateId: ORDER_ID, version: 4, timestamp: '2031-06-01T00:00:02.000Z' },
    ]);
    expect(order.version).toBe(4);
  });

  it('deliveredAt is the event timestamp even when the clock moves on every reading', () => {
    const order = OrderAggregate.fromEvents(history.shipped(), steppingClock('2031-06-01T00:00:00.000Z', 1));
    order.deliver(commands.deliver());
    const [event] = order.uncommittedEvents;
    expect(event).toMatchObject({ type: 'OrderDelivered', timestamp: '2031-06-01T00:00:00.000Z', deliveredAt: '2031-06-01T00:00:00.000Z' });
    expect(order.deliveredAt).toBe('2031-06-01T00:00:00.000Z');
  });

  it('cancelledAt is the event timestamp even when the clock moves on every reading', () => {
    const order = OrderAggregate.fromEvents(history.paid(), steppingClock('2031-06-01T00:00:00.000Z', 1));
    order.cancel(commands.cancel());
    const [event] = order.uncommittedEvents;
    expect(event).toMatchObject({ type: 'OrderCancelled', timestamp: '2031-06-01T00:00:00.000Z', cancelledAt: '2031-06-01T00:00:00.000Z' });
    expect(order.cancelledAt).toBe('2031-06-01T00:00:00.000Z');
  });

  it('timestamps come from the clock, not from the system time', () => {
    const order = OrderAggregate.fromEvents(history.pending(), fixedClock('1999-12-31T23:59:59.000Z'));
    order.pay(commands.pay());
    order.ship(commands.ship());
    order.cancel(commands.cancel());
    expect(order.uncommittedEvents.map((event) => event.timestamp)).toEqual([
      '1999-12-31T23:59:59.000Z',
      '1999-12-31T23:59:59.000Z',
      '1999-12-31T23:59:59.000Z',
    ]);
    expect(order.paidAt).toBe('1999-12-31T23:59:59.000Z');
    expect(order.shippedAt).toBe('1999-12-31T23:59:59.000Z');
  });

  it('versions continue from a longer history', () => {
    const moved: OrderAddressChanged = {
      type: 'OrderAddressChanged',
      aggregateId: ORDER_ID,
      version: 3,
      timestamp: '2030-01-15T09:15:00.000Z',
      newAddress: '3 Dock Lane',
    };
    const order = OrderAggregate.fromEvents([...history.paid(), moved], fixedClock('2030-02-01T00:00:00.000Z'));
    order.ship(commands.ship());
    expect(order.uncommittedEvents).toHaveLength(1);
    expect(order.uncommittedEvents[0]).toMatchObject({ type: 'OrderShipped', version: 4 });
    expect(order.version).toBe(4);
  });

  it('the event carries the command values unchanged', () => {
    const order = OrderAggregate.fromEvents(history.pending(), fixedClock('2030-02-01T00:00:00.000Z'));
    order.pay(commands.pay({ paymentId: 'pay-777', paymentMethod: 'crypto', amount: TOTAL }));
    expect(order.uncommittedEvents[0]).toMatchObject({ paymentId: 'pay-777', paymentMethod: 'crypto', amount: TOTAL });
  });

  it('the events hold only the event fields, not the command', () => {
    const order = OrderAggregate.fromEvents(history.paid(), fixedClock('2030-02-01T00:00:00.000Z'));
    order.ship(commands.ship());
    expect(Object.keys(order.uncommittedEvents[0]!).sort()).toEqual(
      ['aggregateId', 'carrier', 'timestamp', 'trackingNumber', 'type', 'version'].sort(),
    );
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'event envelopes': 'конверты событий',
  'each step takes the next clock reading and the next version': 'каждый шаг берёт следующее показание часов и следующую версию',
  'deliveredAt is the event timestamp even when the clock moves on every reading': 'deliveredAt — это время события, даже если часы сдвигаются при каждом чтении',
  'cancelledAt is the event timestamp even when the clock moves on every reading': 'cancelledAt — это время события, даже если часы сдвигаются при каждом чтении',
  'timestamps come from the clock, not from the system time': 'время берётся из часов, а не из системного времени',
  'versions continue from a longer history': 'версии продолжаются после более длинной истории',
  'the event carries the command values unchanged': 'событие несёт значения команды без изменений',
  'the events hold only the event fields, not the command': 'в событиях только поля события, а не команда',
};

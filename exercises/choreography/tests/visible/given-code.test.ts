// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { EventBus } from '@workspace/bus';
import { Ids, Inbox, Orders, Shipments, Wallets, Warehouse } from '@workspace/data';
import type { ShopEvent } from '@workspace/events';
import { placeOrder } from '@workspace/services';

const stockReserved = (eventId: string): ShopEvent => ({ type: 'StockReserved', eventId, correlationId: 'c', causationId: null, data: { orderId: 'o-1' } });

describe('the given code', () => {
  it('the bus delivers to the subscribers of a type, in the order published, and logs who published', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe('shipping', ['StockReserved'], (event) => seen.push(event.eventId));
    bus.subscribe('order', ['OrderConfirmed'], () => seen.push('never'));
    bus.publisherFor('stock').publish(stockReserved('e-1'));
    bus.publisherFor('stock').publish(stockReserved('e-2'));
    bus.deliverAll();
    expect({ seen, by: bus.log.map((entry) => entry.by) }).toEqual({ seen: ['e-1', 'e-2'], by: ['stock', 'stock'] });
  });

  it('a paused service gets its events, in order, once resumed; redeliver sends one again', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe('shipping', ['StockReserved'], (event) => seen.push(event.eventId));
    bus.pause('shipping');
    bus.publisherFor('stock').publish(stockReserved('e-1'));
    bus.deliverAll();
    expect(seen).toEqual([]);
    bus.resume('shipping');
    bus.redeliver('e-1');
    bus.deliverAll();
    expect(seen).toEqual(['e-1', 'e-1']);
  });

  it('a delivery whose handler throws is kept among the failures until retryFailed', () => {
    const bus = new EventBus();
    let fail = true;
    const seen: string[] = [];
    bus.subscribe('shipping', ['StockReserved'], (event) => {
      if (fail) throw new Error('boom');
      seen.push(event.eventId);
    });
    bus.publisherFor(null).publish(stockReserved('e-1'));
    bus.deliverAll();
    expect(bus.failures.map((failure) => failure.error)).toEqual(['boom']);
    fail = false;
    bus.retryFailed();
    bus.deliverAll();
    expect({ seen, failures: bus.failures.length }).toEqual({ seen: ['e-1'], failures: 0 });
  });

  it('the warehouse reserves every line or none; the wallet refuses a charge it cannot cover', () => {
    const warehouse = new Warehouse({ mug: 1, tea: 5 });
    expect(warehouse.reserve('o-1', [{ sku: 'tea', quantity: 2 }, { sku: 'mug', quantity: 2 }])).toBe('mug');
    expect(warehouse.onShelf('tea')).toBe(5);
    const wallets = new Wallets({ ann: 100 });
    expect(wallets.charge('pay-1', 'o-1', 'ann', 101)).toBe(false);
    expect(wallets.balance('ann')).toBe(100);
  });

  it('data that is down throws; ids count per prefix; the inbox remembers ids', () => {
    const shipments = new Shipments();
    shipments.down = true;
    expect(() => shipments.schedule('ship-1', 'o-1')).toThrow('not reachable');
    const ids = new Ids();
    expect([ids.next('evt'), ids.next('pay'), ids.next('evt')]).toEqual(['evt-1', 'pay-1', 'evt-2']);
    const inbox = new Inbox();
    inbox.add('evt-1');
    expect([inbox.has('evt-1'), inbox.has('evt-2')]).toEqual([true, false]);
  });

  it('placeOrder saves the order and publishes OrderPlaced, which starts a process: a new correlation id, no cause', () => {
    const bus = new EventBus();
    const orders = new Orders();
    const world = { wallets: new Wallets(), warehouse: new Warehouse(), shipments: new Shipments(), orders };
    const event = placeOrder({ bus: bus.publisherFor('order'), ids: new Ids(), inbox: new Inbox(), world }, { orderId: 'o-1', customerId: 'ann', amount: 5, lines: [] });
    expect({ ids: [event.eventId, event.correlationId, event.causationId], status: orders.statusOf('o-1')?.status }).toEqual({ ids: ['evt-1', 'checkout-1', null], status: 'placed' });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'the bus delivers to the subscribers of a type, in the order published, and logs who published': 'шина доставляет событие подписчикам его типа в порядке публикации и записывает в журнал, кто его опубликовал',
  'a paused service gets its events, in order, once resumed; redeliver sends one again': 'приостановленный сервис получает свои события по порядку, когда его возобновят; redeliver отправляет событие ещё раз',
  'a delivery whose handler throws is kept among the failures until retryFailed': 'доставка, обработчик которой выбросил исключение, остаётся среди неудачных до retryFailed',
  'the warehouse reserves every line or none; the wallet refuses a charge it cannot cover': 'склад резервирует все строки заказа или ни одной; кошелёк отказывает в списании, на которое не хватает денег',
  'data that is down throws; ids count per prefix; the inbox remembers ids': 'недоступное хранилище данных выбрасывает исключение; идентификаторы нумеруются отдельно для каждого префикса; входящий ящик запоминает идентификаторы',
  'placeOrder saves the order and publishes OrderPlaced, which starts a process: a new correlation id, no cause': 'placeOrder сохраняет заказ и публикует OrderPlaced, с которого начинается процесс: новый идентификатор корреляции и без причины',
};

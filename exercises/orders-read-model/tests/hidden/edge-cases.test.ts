// Cases a careless projection gets wrong.
import { describe, expect, it } from 'vitest';
import { OrderProjection } from '@workspace/OrderProjection';
import { BULB, codeOf, LAMP, MUG, newLog, order } from '../support/orders';

describe('projection edge cases', () => {
  it('removing every unit of a product drops its line', () => {
    const log = newLog();
    log.append(...order('o', 'ann', 0, [LAMP, BULB]).remove('lamp', 1).events);
    const projection = new OrderProjection(log);
    projection.catchUp();
    expect(projection.getDetails('o')?.items).toEqual([BULB]);
    expect(projection.getSummary('o')).toMatchObject({ itemCount: 1, totalAmount: 4 * BULB.unitPrice });
  });

  it('an event for an order the projection has no row for is skipped', () => {
    const story = order('o', 'ann', 0).pay(LAMP.unitPrice);
    const projection = new OrderProjection(newLog());
    expect({ ['project() says the event changed the row']: projection.project(story.events[1]) }).toEqual({ ['project() says the event changed the row']: false });
    expect(projection.getSummary('o')).toBeUndefined();
  });

  it('a second OrderCreated for the same order changes nothing', () => {
    const first = order('o', 'ann', 0).pay(LAMP.unitPrice);
    const again = order('o', 'mallory', 50, [MUG]);
    const projection = new OrderProjection(newLog());
    for (const event of first.events) projection.project(event);
    expect({ ['project() says the event changed the row']: projection.project(again.events[0]) }).toEqual({ ['project() says the event changed the row']: false });
    expect(projection.getDetails('o')).toMatchObject({ customerId: 'ann', status: 'paid', version: 2 });
  });

  it('an older event arriving after a newer one does not roll the row back', () => {
    const story = order('o', 'ann', 0).pay(LAMP.unitPrice).ship();
    const projection = new OrderProjection(newLog());
    for (const event of story.events) projection.project(event);
    expect({ ['project() says the event changed the row']: projection.project(story.events[1]) }).toEqual({ ['project() says the event changed the row']: false });
    expect(projection.getDetails('o')).toMatchObject({ status: 'shipped', version: 3 });
  });

  it('a log that ends with an entry of another stream still moves the checkpoint to the end', () => {
    const log = newLog();
    log.append(...order('o', 'ann', 0).events);
    log.appendForeign();
    log.appendForeign('stock-1');
    const projection = new OrderProjection(log, 1);
    expect(projection.catchUp()).toBe(1);
    expect(projection.checkpoint).toBe(3);
    const reads = log.reads;
    expect(projection.catchUp()).toBe(0);
    expect(log.reads - reads).toBe(1);
  });

  it('a page past the last one is empty but still counts the matches', () => {
    const log = newLog();
    log.append(...order('a', 'ann', 0).events, ...order('b', 'ann', 1).events);
    const projection = new OrderProjection(log);
    projection.catchUp();
    expect(projection.listOrders({ page: 3, pageSize: 1 })).toEqual({ orders: [], total: 2, page: 3, pageSize: 1, pageCount: 2 });
    expect(projection.listOrders({ customerId: 'zed', page: 1, pageSize: 5 })).toEqual({ orders: [], total: 0, page: 1, pageSize: 5, pageCount: 0 });
  });

  it('refuses fractional and negative pages and sizes', () => {
    const projection = new OrderProjection(newLog());
    projection.catchUp();
    for (const bad of [{ page: 1.5, pageSize: 5 }, { page: -1, pageSize: 5 }, { page: 1, pageSize: 2.5 }, { page: 1, pageSize: 101 }]) {
      expect(codeOf(() => projection.listOrders(bad))).toBe('VALIDATION');
    }
  });

  it('orders created at the same moment are listed by id', () => {
    const log = newLog();
    log.append(...order('o-b', 'ann', 7).events, ...order('o-c', 'ann', 7).events, ...order('o-a', 'ann', 7).events);
    const projection = new OrderProjection(log);
    projection.catchUp();
    expect(projection.listOrders({ page: 1, pageSize: 10 }).orders.map((row) => row.orderId)).toEqual(['o-a', 'o-b', 'o-c']);
  });

  it('the items of a row are not shared with the event they came from', () => {
    const story = order('o', 'ann', 0, [{ ...MUG }]);
    const projection = new OrderProjection(newLog());
    projection.project(story.events[0]);
    const created = story.events[0];
    if (created.type === 'OrderCreated') created.items[0].quantity = 40;
    expect(projection.getDetails('o')?.items).toEqual([MUG]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'projection edge cases': 'граничные случаи проекции',
  'removing every unit of a product drops its line': 'удаление всех единиц товара убирает его строку',
  'an event for an order the projection has no row for is skipped': 'событие заказа, для которого у проекции нет строки, пропускается',
  'a second OrderCreated for the same order changes nothing': 'второй OrderCreated для того же заказа ничего не меняет',
  'an older event arriving after a newer one does not roll the row back': 'более старое событие, пришедшее после нового, не откатывает строку назад',
  'a log that ends with an entry of another stream still moves the checkpoint to the end': 'журнал, который заканчивается записью чужого потока, всё равно сдвигает контрольную точку до конца',
  'a page past the last one is empty but still counts the matches': 'страница после последней пуста, но число совпадений всё равно посчитано',
  'refuses fractional and negative pages and sizes': 'отклоняет дробные и отрицательные номера и размеры страниц',
  'orders created at the same moment are listed by id': 'заказы, созданные в один и тот же момент, упорядочены по идентификатору',
  'the items of a row are not shared with the event they came from': 'у строки свой список товаров, не общий с событием, из которого он взят',
};

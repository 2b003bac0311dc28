// One test per mistake students really make in a projection and its queries, each worth a visible
// share of the grade (see the manifest), however many other tests happen to touch the same rule.
import { describe, expect, it } from 'vitest';
import { OrderProjection } from '@workspace/OrderProjection';
import { given } from '../support/givenWhenThen';
import { at, BULB, codeOf, LAMP, MUG, newLog, order } from '../support/orders';

/** ann: a1 (paid), a2 (pending); bob: b1 (pending). */
function threeOrders() {
  const log = newLog();
  log.append(...order('a1', 'ann', 0).pay(LAMP.unitPrice).events, ...order('a2', 'ann', 1).events, ...order('b1', 'bob', 2).events);
  const projection = new OrderProjection(log);
  projection.catchUp();
  return { log, projection };
}

describe('mistakes that cost points', () => {
  it('paidAt is the time of the OrderPaid event, not of the order\'s creation', () => {
    given(...order('o-1', 'ann', 0).pay(LAMP.unitPrice).events).thenDetails('o-1', { paidAt: at(1) });
  });

  it('the total follows the items: adding a line raises totalAmount', () => {
    given(...order('o-1', 'ann', 0, [LAMP]).add(BULB).events).thenDetails('o-1', { totalAmount: LAMP.unitPrice + 4 * BULB.unitPrice });
  });

  it('customer and status filters must both match, not either', () => {
    const { projection } = threeOrders();
    const page = projection.listOrders({ customerId: 'ann', status: 'pending', page: 1, pageSize: 10 });
    expect({ orders: page.orders.map((row) => row.orderId), total: page.total }).toEqual({ orders: ['a2'], total: 1 });
  });

  it('total counts every matching order, not only the ones on this page', () => {
    const { projection } = threeOrders();
    const page = projection.listOrders({ page: 1, pageSize: 1 });
    expect({ total: page.total, pageCount: page.pageCount }).toEqual({ total: 3, pageCount: 3 });
  });

  it('a query with page 0 or a page size over 100 is refused with VALIDATION', () => {
    const { projection } = threeOrders();
    expect({ page0: codeOf(() => projection.listOrders({ page: 0, pageSize: 10 })), size1000: codeOf(() => projection.listOrders({ page: 1, pageSize: 1000 })) }).toEqual({
      page0: 'VALIDATION',
      size1000: 'VALIDATION',
    });
  });

  it('changing the items a query returned does not change the read model', () => {
    const log = newLog();
    log.append(...order('o', 'ann', 0, [MUG]).events);
    const projection = new OrderProjection(log);
    projection.catchUp();
    projection.getDetails('o')!.items[0]!.quantity = 99;
    expect(projection.getDetails('o')?.items).toEqual([MUG]);
  });

  it('catchUp goes on from its checkpoint: a second catchUp with nothing new reads the log once and finds nothing', () => {
    const { log, projection } = threeOrders();
    log.appendForeign();
    expect(projection.catchUp()).toBe(0);
    const reads = log.reads;
    expect({ projected: projection.catchUp(), reads: log.reads - reads, checkpoint: projection.checkpoint }).toEqual({ projected: 0, reads: 1, checkpoint: log.head() });
  });

  it('an event the row has already seen (a redelivery) changes nothing: the version guard', () => {
    const story = order('o', 'ann', 0).pay(LAMP.unitPrice).ship();
    const projection = new OrderProjection(newLog());
    for (const event of story.events) projection.project(event);
    const before = projection.getDetails('o');
    expect({ appliedAgain: projection.project(story.events[1]!), details: projection.getDetails('o') }).toEqual({ appliedAgain: false, details: before });
  });

  it('a second OrderCreated for an order that exists does not start it over', () => {
    const projection = new OrderProjection(newLog());
    const first = order('o', 'ann', 0).pay(LAMP.unitPrice);
    for (const event of first.events) projection.project(event);
    const again = order('o', 'mallory', 50, [MUG]);
    expect({ appliedAgain: projection.project(again.events[0]!), customerId: projection.getSummary('o')?.customerId, status: projection.getSummary('o')?.status }).toEqual({
      appliedAgain: false,
      customerId: 'ann',
      status: 'paid',
    });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'mistakes that cost points': 'ошибки, которые стоят баллов',
  'paidAt is the time of the OrderPaid event, not of the order\'s creation': 'paidAt — это время события OrderPaid, а не создания заказа',
  'the total follows the items: adding a line raises totalAmount': 'сумма следует за товарами: новая строка увеличивает totalAmount',
  'customer and status filters must both match, not either': 'фильтры по покупателю и по статусу должны совпасть оба, а не хотя бы один',
  'total counts every matching order, not only the ones on this page': 'total считает все подходящие заказы, а не только те, что на этой странице',
  'a query with page 0 or a page size over 100 is refused with VALIDATION': 'запрос со страницей 0 или размером страницы больше 100 отклоняется с кодом VALIDATION',
  'changing the items a query returned does not change the read model': 'изменение товаров, которые вернул запрос, не меняет модель чтения',
  'catchUp goes on from its checkpoint: a second catchUp with nothing new reads the log once and finds nothing': 'catchUp продолжает со своей контрольной точки: второй catchUp без новых событий читает журнал один раз и ничего не находит',
  'an event the row has already seen (a redelivery) changes nothing: the version guard': 'событие, которое строка уже видела (повторная доставка), ничего не меняет: защита по версии',
  'a second OrderCreated for an order that exists does not start it over': 'второй OrderCreated для существующего заказа не начинает его заново',
};

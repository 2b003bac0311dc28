// Questions the read model answers from its rows: one order, or a filtered page of them.
import { describe, expect, it } from 'vitest';
import { OrderProjection } from '@workspace/OrderProjection';
import { codeOf, LAMP, MUG, newLog, order } from '../support/orders';

/** Six orders: ann has four (created at minutes 0, 10, 20, 30), bob two (5, 15). */
function sixOrders() {
  const log = newLog();
  log.append(
    ...order('a1', 'ann', 0).pay(LAMP.unitPrice).events,
    ...order('b1', 'bob', 5, [MUG]).events,
    ...order('a2', 'ann', 10).events,
    ...order('b2', 'bob', 15).pay(LAMP.unitPrice).ship().events,
    ...order('a3', 'ann', 20, [MUG, LAMP]).cancel().events,
    ...order('a4', 'ann', 30).pay(LAMP.unitPrice).events,
  );
  const projection = new OrderProjection(log);
  projection.catchUp();
  return { log, projection };
}

const ids = (page: { orders: Array<{ orderId: string }> }) => page.orders.map((row) => row.orderId);

describe('queries', () => {
  it('lists every order, newest first', () => {
    const { projection } = sixOrders();
    const page = projection.listOrders({ page: 1, pageSize: 10 });
    expect(ids(page)).toEqual(['a4', 'a3', 'b2', 'a2', 'b1', 'a1']);
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 10, pageCount: 1 });
  });

  it('filters by customer', () => {
    const { projection } = sixOrders();
    expect(ids(projection.listOrders({ customerId: 'bob', page: 1, pageSize: 10 }))).toEqual(['b2', 'b1']);
  });

  it('filters by status', () => {
    const { projection } = sixOrders();
    expect(ids(projection.listOrders({ status: 'paid', page: 1, pageSize: 10 }))).toEqual(['a4', 'a1']);
  });

  it('both filters together must match', () => {
    const { projection } = sixOrders();
    const page = projection.listOrders({ customerId: 'ann', status: 'pending', page: 1, pageSize: 10 });
    expect(ids(page)).toEqual(['a2']);
    expect(page.total).toBe(1);
  });

  it('pages through the list', () => {
    const { projection } = sixOrders();
    const first = projection.listOrders({ page: 1, pageSize: 4 });
    const second = projection.listOrders({ page: 2, pageSize: 4 });
    expect(ids(first)).toEqual(['a4', 'a3', 'b2', 'a2']);
    expect(ids(second)).toEqual(['b1', 'a1']);
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4, pageCount: 2 });
  });

  it('the list holds summaries', () => {
    const { projection } = sixOrders();
    const [a3] = projection.listOrders({ status: 'cancelled', page: 1, pageSize: 1 }).orders;
    expect(a3).toEqual(projection.getSummary('a3'));
    expect(a3).toMatchObject({ orderId: 'a3', itemCount: 2, totalAmount: 2 * MUG.unitPrice + LAMP.unitPrice });
  });

  it('refuses paging that makes no sense', () => {
    const { projection } = sixOrders();
    expect(codeOf(() => projection.listOrders({ page: 0, pageSize: 10 }))).toBe('VALIDATION');
    expect(codeOf(() => projection.listOrders({ page: 1, pageSize: 1000 }))).toBe('VALIDATION');
  });

  it('queries never read the log; until catchUp runs they show the old rows', () => {
    const { log, projection } = sixOrders();
    const reads = log.reads;
    log.append(...order('late', 'ann', 99).events);
    projection.getSummary('a1');
    projection.getDetails('a1');
    projection.listOrders({ page: 1, pageSize: 10 });
    expect(log.reads).toBe(reads);
    expect(projection.getSummary('late')).toBeUndefined();
    projection.catchUp();
    expect(projection.getSummary('late')?.customerId).toBe('ann');
  });

  it('changing what a query returned does not change the read model', () => {
    const { projection } = sixOrders();
    const details = projection.getDetails('a3')!;
    details.items[0].quantity = 99;
    details.items.push({ ...LAMP });
    details.status = 'delivered';
    const summary = projection.getSummary('a3')!;
    summary.totalAmount = 0;
    expect(projection.getDetails('a3')?.items).toEqual([MUG, LAMP]);
    expect(projection.getSummary('a3')).toMatchObject({ status: 'cancelled', totalAmount: 2 * MUG.unitPrice + LAMP.unitPrice });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'queries': 'запросы',
  'lists every order, newest first': 'выдаёт все заказы, сначала новые',
  'filters by customer': 'фильтрует по покупателю',
  'filters by status': 'фильтрует по статусу',
  'both filters together must match': 'при двух фильтрах должны совпасть оба',
  'pages through the list': 'разбивает список на страницы',
  'the list holds summaries': 'в списке — краткие сводки',
  'refuses paging that makes no sense': 'отклоняет бессмысленные параметры страниц',
  'queries never read the log; until catchUp runs they show the old rows': 'запросы никогда не читают журнал; пока не вызван catchUp, они показывают старые строки',
  'changing what a query returned does not change the read model': 'изменение того, что вернул запрос, не меняет модель чтения',
};

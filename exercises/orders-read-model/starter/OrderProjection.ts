// The read side of the orders: a projection that follows the log of all events and keeps one row
// per order, and the queries that answer from those rows alone.
// Сторона чтения заказов: проекция идёт по общему журналу событий и держит по строке на заказ,
// а запросы отвечают только по этим строкам.
//
// What is given: the fields, the constructor, `checkpoint`, `rebuild` and `toSummary`.
// Your task: `catchUp`, `project`, `getSummary`, `getDetails` and `listOrders` (each marked TODO).
// Дано: поля, конструктор, `checkpoint`, `rebuild` и `toSummary`.
// Ваша задача: `catchUp`, `project`, `getSummary`, `getDetails` и `listOrders` (помечены TODO).
import type { OrderEvent } from './events';
import { copyItems, totalOf, withItemAdded, withItemRemoved } from './items';
import { BATCH_SIZE, orderEventOf, type EventLog } from './log';
import { checkListOrders, newestFirst, type ListOrders, type OrderDetails, type OrderPage, type OrderSummary } from './views';

export class OrderProjection {
  /** Global position of the last log entry this projection has read (order event or not). */
  private position = 0;
  private readonly rows = new Map<string, OrderDetails>();

  constructor(
    private readonly log: EventLog,
    private readonly batchSize: number = BATCH_SIZE,
  ) {}

  get checkpoint(): number {
    return this.position;
  }

  /** Forgets every row and reads the whole log again. The rows must come out the same as before. */
  rebuild(): number {
    this.rows.clear();
    this.position = 0;
    return this.catchUp();
  }

  // TODO catchUp(): number
  // EN: Read the log after the checkpoint: `this.log.readAll({ after: this.position, maxCount: this.batchSize })`,
  //     again and again until a batch comes back empty (one batch is not "everything").
  //     For every stored entry: `orderEventOf(stored)` gives the order event or null (other streams share
  //     the log); project the order events; then move `this.position` to `stored.globalPosition` —
  //     for every entry, order event or not. Return how many events `project` actually applied.
  //     A second `catchUp` with nothing new reads nothing old again and returns 0.
  // RU: Читайте журнал после контрольной точки: `this.log.readAll({ after: this.position, maxCount: this.batchSize })`,
  //     снова и снова, пока пакет не придёт пустым (один пакет — ещё не «всё»).
  //     Для каждой записи: `orderEventOf(stored)` даёт событие заказа или null (в журнале есть и другие потоки);
  //     проецируйте события заказов, затем сдвигайте `this.position` на `stored.globalPosition` —
  //     для каждой записи, событие заказа это или нет. Верните, сколько событий `project` действительно применил.
  //     Повторный `catchUp` без новых событий ничего старого не перечитывает и возвращает 0.
  catchUp(): number {
    throw new Error('not implemented: catchUp');
  }

  // TODO project(event): boolean
  // EN: `OrderCreated` makes the row (status 'pending', copied items, createdAt = the event's timestamp,
  //     every later field null). Every other event changes an existing row and sets `version` to the
  //     event's version. An event the row already has (version <= row.version), a second OrderCreated,
  //     or an event for an order with no row changes nothing and returns false; otherwise return true.
  //     Items added or removed change `totalAmount` (use the helpers in ./items). OrderPaid sets
  //     paymentId, paymentMethod, paidAt (= timestamp); OrderShipped trackingNumber, carrier, shippedAt;
  //     OrderDelivered deliveredAt; OrderCancelled cancelReason and cancelledAt; OrderAddressChanged
  //     shippingAddress. Each of the last four also sets the status.
  // RU: `OrderCreated` создаёт строку (статус 'pending', копия товаров, createdAt = timestamp события,
  //     остальные поля null). Любое другое событие меняет существующую строку и ставит `version` события.
  //     Событие, которое строка уже видела (version <= row.version), второй OrderCreated или событие
  //     заказа без строки ничего не меняют и дают false; иначе верните true.
  //     Добавленные и удалённые товары меняют `totalAmount` (помощники в ./items). OrderPaid ставит
  //     paymentId, paymentMethod, paidAt (= timestamp); OrderShipped — trackingNumber, carrier, shippedAt;
  //     OrderDelivered — deliveredAt; OrderCancelled — cancelReason и cancelledAt; OrderAddressChanged —
  //     shippingAddress. Статус тоже меняется.
  project(event: OrderEvent): boolean {
    void event;
    void [copyItems, totalOf, withItemAdded, withItemRemoved, orderEventOf];
    throw new Error('not implemented: project');
  }

  // TODO getSummary / getDetails
  // EN: The row as a summary (`toSummary`) or as details, or undefined for an unknown order. Hand out
  //     copies: a caller changing what it got (even its items) must not change the read model.
  // RU: Строка в виде сводки (`toSummary`) или подробностей, либо undefined для неизвестного заказа.
  //     Отдавайте копии: если вызывающий код изменит полученное (даже товары), модель чтения не изменится.
  getSummary(orderId: string): OrderSummary | undefined {
    void orderId;
    throw new Error('not implemented: getSummary');
  }

  getDetails(orderId: string): OrderDetails | undefined {
    void orderId;
    throw new Error('not implemented: getDetails');
  }

  // TODO listOrders(query): OrderPage
  // EN: `checkListOrders(query)` first. Keep the rows matching both filters (customerId and status,
  //     each only when given), as summaries, sorted with `newestFirst`; `total` counts them all, `orders`
  //     holds page `page` (1-based) of `pageSize`, `pageCount` = Math.ceil(total / pageSize).
  //     Queries never read the log: only `catchUp` does.
  // RU: Сначала `checkListOrders(query)`. Оставьте строки, подходящие под оба фильтра (customerId и status,
  //     каждый — только если задан), в виде сводок, отсортированных `newestFirst`; `total` — их число,
  //     `orders` — страница `page` (с 1) размером `pageSize`, `pageCount` = Math.ceil(total / pageSize).
  //     Запросы никогда не читают журнал: это делает только `catchUp`.
  listOrders(query: ListOrders): OrderPage {
    void [query, checkListOrders, newestFirst];
    throw new Error('not implemented: listOrders');
  }
}

/** The list line of a row. */
export function toSummary(row: OrderDetails): OrderSummary {
  return {
    orderId: row.orderId,
    customerId: row.customerId,
    status: row.status,
    totalAmount: row.totalAmount,
    itemCount: row.items.length,
    createdAt: row.createdAt,
  };
}

// A consumer that relies on per-key order: it keeps each order's status and the last version it
// applied, and applies an order's events strictly one version after another. A repeat (a version it
// already has) changes nothing; a version that skips ahead means an earlier event of that order is
// missing (the order was spread over partitions, or an event was parked), so it stops with OutOfOrder
// instead of building a wrong state. Customer events are not its business.
// Потребитель, который полагается на порядок по ключу: статус каждого заказа и последняя применённая
// версия; версии применяются строго подряд. Повтор ничего не меняет; пропуск версии — ошибка OutOfOrder.
import { OutOfOrder } from './errors';
import { isOrderEvent, type OrderEvent } from './events';
import type { ShopRecord } from './topic';

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'cancelled';

export type HandleResult = 'applied' | 'duplicate' | 'ignored';

const STATUS_AFTER: Record<OrderEvent['type'], OrderStatus> = {
  OrderPlaced: 'placed',
  OrderPaid: 'paid',
  OrderShipped: 'shipped',
  OrderCancelled: 'cancelled',
};

export class OrderTracker {
  private readonly orders = new Map<string, { version: number; status: OrderStatus }>();

  /** Applies one record's event; says whether it was applied, a repeat, or not an order event. */
  handle(record: ShopRecord): HandleResult {
    const event = record.value;
    if (!isOrderEvent(event)) return 'ignored';
    const last = this.versionOf(event.orderId);
    if (event.version <= last) return 'duplicate';
    if (event.version !== last + 1) throw new OutOfOrder(event.orderId, last + 1, event.version);
    this.orders.set(event.orderId, { version: event.version, status: STATUS_AFTER[event.type] });
    return 'applied';
  }

  /** The order's status, or undefined for an order this tracker has not seen. */
  statusOf(orderId: string): OrderStatus | undefined {
    return this.orders.get(orderId)?.status;
  }

  /** The last version applied for the order (0 when none). */
  versionOf(orderId: string): number {
    return this.orders.get(orderId)?.version ?? 0;
  }
}

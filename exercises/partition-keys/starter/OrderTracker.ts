// A consumer that relies on per-key order: write `handle`, `statusOf` and `versionOf`.
// Потребитель, который полагается на порядок по ключу: напишите `handle`, `statusOf` и `versionOf`.
//
// handle(record): a customer event → 'ignored'. An order event whose version is the order's last
//   applied version + 1 → apply it (the status follows the event type) → 'applied'. A version it
//   already has (≤ last) → change nothing → 'duplicate'. A version further ahead → throw
//   OutOfOrder(orderId, expected = last + 1, got) and change nothing. Versions are counted per order.
//   Событие покупателя — 'ignored'; следующая версия заказа — применить, 'applied'; уже известная —
//   'duplicate'; версия с пропуском — OutOfOrder. Версии считаются для каждого заказа отдельно.
import type { ShopRecord } from './topic';

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'cancelled';

export type HandleResult = 'applied' | 'duplicate' | 'ignored';

export class OrderTracker {
  /** Applies one record's event; says whether it was applied, a repeat, or not an order event. */
  handle(record: ShopRecord): HandleResult {
    void record;
    throw new Error('not implemented');
  }

  /** The order's status, or undefined for an order this tracker has not seen. */
  statusOf(orderId: string): OrderStatus | undefined {
    void orderId;
    throw new Error('not implemented');
  }

  /** The last version applied for the order (0 when none). */
  versionOf(orderId: string): number {
    void orderId;
    throw new Error('not implemented');
  }
}

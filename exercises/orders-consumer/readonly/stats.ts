// What an order event means for the customer statistics. Not idempotent on purpose: applying
// the same event twice counts it twice. Keeping duplicates out is the consumer's job.
import type { OrderEvent } from './events';
import type { StatsDatabase } from './statsDb';

export function applyToStats(db: StatsDatabase, event: OrderEvent): void {
  switch (event.type) {
    case 'OrderCreated': {
      db.rememberOrder(event.aggregateId, event.customerId);
      const row = db.getStats(event.customerId);
      db.putStats({ ...row, ordersPlaced: row.ordersPlaced + 1 });
      return;
    }
    case 'OrderPaid': {
      const customerId = db.customerOf(event.aggregateId);
      if (customerId === undefined) return;
      const row = db.getStats(customerId);
      db.putStats({ ...row, ordersPaid: row.ordersPaid + 1, amountPaid: row.amountPaid + event.amount });
      return;
    }
    case 'OrderCancelled': {
      const customerId = db.customerOf(event.aggregateId);
      if (customerId === undefined) return;
      const row = db.getStats(customerId);
      db.putStats({ ...row, ordersCancelled: row.ordersCancelled + 1 });
      return;
    }
    default:
      // Items, address, shipping and delivery do not change these statistics.
      return;
  }
}

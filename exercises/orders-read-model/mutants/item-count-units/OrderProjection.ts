// The read side of the orders: a projection that follows the log of all events and keeps one row
// per order, and the queries that answer from those rows alone.
// Сторона чтения заказов: проекция идёт по общему журналу событий и держит по строке на заказ,
// а запросы отвечают только по этим строкам.
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

  /** Forgets every row and reads the whole log again. The rows come out the same as before. */
  rebuild(): number {
    this.rows.clear();
    this.position = 0;
    return this.catchUp();
  }

  /** Reads the log after the checkpoint, batch by batch, until nothing is left. */
  catchUp(): number {
    let applied = 0;
    for (;;) {
      const batch = this.log.readAll({ after: this.position, maxCount: this.batchSize });
      if (batch.length === 0) return applied;
      for (const stored of batch) {
        const event = orderEventOf(stored);
        if (event && this.project(event)) applied++;
        // Past every entry, order event or not: nothing before it needs reading again.
        this.position = stored.globalPosition;
      }
    }
  }

  /** Applies one order event; an event the row already has (same or older version) changes nothing. */
  project(event: OrderEvent): boolean {
    const row = this.rows.get(event.aggregateId);
    if (event.type === 'OrderCreated') {
      if (row) return false;
      this.rows.set(event.aggregateId, {
        orderId: event.aggregateId,
        version: event.version,
        customerId: event.customerId,
        status: 'pending',
        items: copyItems(event.items),
        totalAmount: event.totalAmount,
        shippingAddress: event.shippingAddress,
        paymentId: null,
        paymentMethod: null,
        trackingNumber: null,
        carrier: null,
        createdAt: event.timestamp,
        paidAt: null,
        shippedAt: null,
        deliveredAt: null,
        cancelledAt: null,
        cancelReason: null,
      });
      return true;
    }
    if (!row || event.version <= row.version) return false;
    this.rows.set(event.aggregateId, { ...evolveRow(row, event), version: event.version });
    return true;
  }

  getSummary(orderId: string): OrderSummary | undefined {
    const row = this.rows.get(orderId);
    return row ? toSummary(row) : undefined;
  }

  getDetails(orderId: string): OrderDetails | undefined {
    const row = this.rows.get(orderId);
    return row ? { ...row, items: copyItems(row.items) } : undefined;
  }

  listOrders(query: ListOrders): OrderPage {
    checkListOrders(query);
    const { customerId, status, page, pageSize } = query;
    const matching = [...this.rows.values()]
      .filter((row) => customerId === undefined || row.customerId === customerId)
      .filter((row) => status === undefined || row.status === status)
      .map(toSummary)
      .sort(newestFirst);
    const start = (page - 1) * pageSize;
    return {
      orders: matching.slice(start, start + pageSize),
      total: matching.length,
      page,
      pageSize,
      pageCount: Math.ceil(matching.length / pageSize),
    };
  }
}

/** The list line of a row. */
export function toSummary(row: OrderDetails): OrderSummary {
  return {
    orderId: row.orderId,
    customerId: row.customerId,
    status: row.status,
    totalAmount: row.totalAmount,
    itemCount: row.items.reduce((sum, item) => sum + item.quantity, 0),
    createdAt: row.createdAt,
  };
}

function evolveRow(row: OrderDetails, event: Exclude<OrderEvent, { type: 'OrderCreated' }>): OrderDetails {
  switch (event.type) {
    case 'OrderItemAdded': {
      const items = withItemAdded(row.items, {
        productId: event.productId,
        productName: event.productName,
        quantity: event.quantity,
        unitPrice: event.unitPrice,
      });
      return { ...row, items, totalAmount: totalOf(items) };
    }
    case 'OrderItemRemoved': {
      const items = withItemRemoved(row.items, event.productId, event.quantity);
      return { ...row, items, totalAmount: totalOf(items) };
    }
    case 'OrderAddressChanged':
      return { ...row, shippingAddress: event.newAddress };
    case 'OrderPaid':
      return { ...row, status: 'paid', paymentId: event.paymentId, paymentMethod: event.paymentMethod, paidAt: event.timestamp };
    case 'OrderShipped':
      return { ...row, status: 'shipped', trackingNumber: event.trackingNumber, carrier: event.carrier, shippedAt: event.timestamp };
    case 'OrderDelivered':
      return { ...row, status: 'delivered', deliveredAt: event.deliveredAt };
    case 'OrderCancelled':
      return { ...row, status: 'cancelled', cancelReason: event.reason, cancelledAt: event.cancelledAt };
  }
}

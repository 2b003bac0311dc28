// Shared sample data for the order domain's unit tests.
import type { OrderCommand, OrderEvent, OrderItem } from '../../../../electron/engine/domain/orders';

export const NOW = '2030-04-01T12:00:00.000Z';
export const ID = 'o-1';
export const ITEMS: OrderItem[] = [
  { productId: 'p1', productName: 'Pencil', quantity: 3, unitPrice: 120 },
  { productId: 'p2', productName: 'Paper', quantity: 1, unitPrice: 990 },
];
export const TOTAL = 3 * 120 + 990;

export const create = (change: Partial<Extract<OrderCommand, { type: 'CreateOrder' }>> = {}): OrderCommand => ({
  type: 'CreateOrder',
  orderId: ID,
  customerId: 'c-1',
  items: ITEMS,
  shippingAddress: 'Somewhere 1',
  ...change,
});

export const created = (): OrderEvent => ({
  type: 'OrderCreated',
  aggregateId: ID,
  version: 1,
  timestamp: '2030-04-01T11:00:00.000Z',
  customerId: 'c-1',
  items: ITEMS.map((item) => ({ ...item })),
  totalAmount: TOTAL,
  shippingAddress: 'Somewhere 1',
});

export const paid = (version = 2): OrderEvent => ({
  type: 'OrderPaid',
  aggregateId: ID,
  version,
  timestamp: '2030-04-01T11:05:00.000Z',
  paymentId: 'pay-1',
  paymentMethod: 'paypal',
  amount: TOTAL,
});

export const shipped = (version = 3): OrderEvent => ({
  type: 'OrderShipped',
  aggregateId: ID,
  version,
  timestamp: '2030-04-01T11:10:00.000Z',
  trackingNumber: 'T-1',
  carrier: 'DHL',
});

export const delivered = (version = 4): OrderEvent => ({
  type: 'OrderDelivered',
  aggregateId: ID,
  version,
  timestamp: '2030-04-01T11:20:00.000Z',
  deliveredAt: '2030-04-01T11:20:00.000Z',
});

export const cancelled = (version = 2): OrderEvent => ({
  type: 'OrderCancelled',
  aggregateId: ID,
  version,
  timestamp: '2030-04-01T11:30:00.000Z',
  reason: 'changed mind',
  cancelledAt: '2030-04-01T11:30:00.000Z',
});

// One sample order and its history at every status, plus valid commands to tweak per test.
// Times are fixed far from today, so an event stamped by `Date` instead of the clock stands out.
import type { CancelOrder, DeliverOrder, OrderCommand, PayOrder, ShipOrder } from '@workspace/commands';
import type {
  OrderCancelled,
  OrderCreated,
  OrderDelivered,
  OrderEvent,
  OrderItem,
  OrderPaid,
  OrderShipped,
} from '@workspace/events';

export const ORDER_ID = 'order-42';
export const CUSTOMER_ID = 'customer-7';
/** What the test clock says when the command under test runs. */
export const NOW = '2030-01-15T10:00:00.000Z';

export const ITEMS: OrderItem[] = [
  { productId: 'kettle', productName: 'Electric kettle', quantity: 1, unitPrice: 3499 },
  { productId: 'mug', productName: 'Mug', quantity: 2, unitPrice: 650 },
];
/** 1 × 34.99 + 2 × 6.50, in cents. */
export const TOTAL = 4799;

export function orderCreated(): OrderCreated {
  return {
    type: 'OrderCreated',
    aggregateId: ORDER_ID,
    version: 1,
    timestamp: '2030-01-15T09:00:00.000Z',
    customerId: CUSTOMER_ID,
    items: ITEMS.map((item) => ({ ...item })),
    totalAmount: TOTAL,
    shippingAddress: '12 Harbour Road, Riga',
  };
}

export function orderPaid(version = 2): OrderPaid {
  return {
    type: 'OrderPaid',
    aggregateId: ORDER_ID,
    version,
    timestamp: '2030-01-15T09:10:00.000Z',
    paymentId: 'pay-001',
    paymentMethod: 'credit_card',
    amount: TOTAL,
  };
}

export function orderShipped(version = 3): OrderShipped {
  return {
    type: 'OrderShipped',
    aggregateId: ORDER_ID,
    version,
    timestamp: '2030-01-15T09:20:00.000Z',
    trackingNumber: 'TRK-777',
    carrier: 'DHL',
  };
}

export function orderDelivered(version = 4): OrderDelivered {
  const at = '2030-01-15T09:30:00.000Z';
  return { type: 'OrderDelivered', aggregateId: ORDER_ID, version, timestamp: at, deliveredAt: at };
}

export function orderCancelled(version = 2): OrderCancelled {
  const at = '2030-01-15T09:40:00.000Z';
  return { type: 'OrderCancelled', aggregateId: ORDER_ID, version, timestamp: at, reason: 'Ordered twice', cancelledAt: at };
}

/** The order's past, by the status it leads to. */
export const history: Record<'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled', () => OrderEvent[]> = {
  pending: () => [orderCreated()],
  paid: () => [orderCreated(), orderPaid()],
  shipped: () => [orderCreated(), orderPaid(), orderShipped()],
  delivered: () => [orderCreated(), orderPaid(), orderShipped(), orderDelivered()],
  cancelled: () => [orderCreated(), orderCancelled()],
};

type Tagged<Type extends OrderCommand['type']> = Extract<OrderCommand, { type: Type }>;

export const commands = {
  pay: (change: Partial<PayOrder> = {}): Tagged<'PayOrder'> => ({
    type: 'PayOrder',
    orderId: ORDER_ID,
    paymentId: 'pay-123',
    paymentMethod: 'paypal',
    amount: TOTAL,
    ...change,
  }),
  ship: (change: Partial<ShipOrder> = {}): Tagged<'ShipOrder'> => ({
    type: 'ShipOrder',
    orderId: ORDER_ID,
    trackingNumber: 'TRK-900',
    carrier: 'UPS',
    ...change,
  }),
  deliver: (change: Partial<DeliverOrder> = {}): Tagged<'DeliverOrder'> => ({
    type: 'DeliverOrder',
    orderId: ORDER_ID,
    ...change,
  }),
  cancel: (change: Partial<CancelOrder> = {}): Tagged<'CancelOrder'> => ({
    type: 'CancelOrder',
    orderId: ORDER_ID,
    reason: 'Found it cheaper elsewhere',
    ...change,
  }),
};

/** A value of the wrong type, for tests of what arrives from untyped callers (JSON, forms). */
export function untyped<T>(value: unknown): T {
  return value as T;
}

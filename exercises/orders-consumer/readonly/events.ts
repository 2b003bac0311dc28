// The facts an order can record about itself. Events are flat, plain, JSON-safe objects:
// what happened, to which order, at which version, and when (by the injected clock).

/** An amount of money in minor units (cents). Always a safe integer, never a float. */
export type Money = number;

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled';

export const PAYMENT_METHODS = ['credit_card', 'paypal', 'bank_transfer', 'crypto'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value);
}

export interface OrderItem {
  productId: string;
  productName: string;
  quantity: number;
  /** Price of one unit, in cents. */
  unitPrice: Money;
}

/** Fields every order event carries. `version` is 1 for an order's first event, then +1 each. */
interface EventEnvelope<Type extends string> {
  type: Type;
  aggregateId: string;
  version: number;
  /** ISO-8601 UTC, taken from the clock when the event was recorded. */
  timestamp: string;
}

export interface OrderCreated extends EventEnvelope<'OrderCreated'> {
  customerId: string;
  items: OrderItem[];
  totalAmount: Money;
  shippingAddress: string;
}

export interface OrderItemAdded extends EventEnvelope<'OrderItemAdded'> {
  productId: string;
  productName: string;
  quantity: number;
  unitPrice: Money;
}

export interface OrderItemRemoved extends EventEnvelope<'OrderItemRemoved'> {
  productId: string;
  quantity: number;
}

export interface OrderAddressChanged extends EventEnvelope<'OrderAddressChanged'> {
  newAddress: string;
}

export interface OrderPaid extends EventEnvelope<'OrderPaid'> {
  paymentId: string;
  paymentMethod: PaymentMethod;
  amount: Money;
}

export interface OrderShipped extends EventEnvelope<'OrderShipped'> {
  trackingNumber: string;
  carrier: string;
}

export interface OrderDelivered extends EventEnvelope<'OrderDelivered'> {
  deliveredAt: string;
}

export interface OrderCancelled extends EventEnvelope<'OrderCancelled'> {
  reason: string;
  cancelledAt: string;
}

export type OrderEvent =
  | OrderCreated
  | OrderItemAdded
  | OrderItemRemoved
  | OrderAddressChanged
  | OrderPaid
  | OrderShipped
  | OrderDelivered
  | OrderCancelled;

export type OrderEventType = OrderEvent['type'];

export const ORDER_EVENT_TYPES: readonly OrderEventType[] = [
  'OrderCreated',
  'OrderItemAdded',
  'OrderItemRemoved',
  'OrderAddressChanged',
  'OrderPaid',
  'OrderShipped',
  'OrderDelivered',
  'OrderCancelled',
];

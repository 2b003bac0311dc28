// The events the shop publishes to one topic: order events (from the order service and, for
// OrderShipped, from the warehouse, which knows the order but not the customer) and customer events.
// Each event carries `version`: 1 for the first event of its order (or customer), +1 for each next one.
// События магазина: события заказа (OrderShipped публикует склад — он знает заказ, но не покупателя)
// и события покупателя. `version` — 1 у первого события заказа (или покупателя), дальше +1.

export interface OrderPlaced {
  type: 'OrderPlaced';
  orderId: string;
  customerId: string;
  version: number;
  /** Whole cents. */
  totalAmount: number;
}

export interface OrderPaid {
  type: 'OrderPaid';
  orderId: string;
  customerId: string;
  version: number;
  /** Whole cents. */
  amount: number;
}

/** Published by the warehouse: it knows the order, not the customer. */
export interface OrderShipped {
  type: 'OrderShipped';
  orderId: string;
  version: number;
  carrier: string;
}

export interface OrderCancelled {
  type: 'OrderCancelled';
  orderId: string;
  customerId: string;
  version: number;
  reason: string;
}

export interface CustomerRegistered {
  type: 'CustomerRegistered';
  customerId: string;
  version: number;
  name: string;
}

export interface CustomerEmailChanged {
  type: 'CustomerEmailChanged';
  customerId: string;
  version: number;
  email: string;
}

export type OrderEvent = OrderPlaced | OrderPaid | OrderShipped | OrderCancelled;
export type CustomerEvent = CustomerRegistered | CustomerEmailChanged;
export type ShopEvent = OrderEvent | CustomerEvent;

export const ORDER_EVENT_TYPES = ['OrderPlaced', 'OrderPaid', 'OrderShipped', 'OrderCancelled'] as const;
export const CUSTOMER_EVENT_TYPES = ['CustomerRegistered', 'CustomerEmailChanged'] as const;

export function isOrderEvent(event: ShopEvent): event is OrderEvent {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(event.type);
}

export function isCustomerEvent(event: ShopEvent): event is CustomerEvent {
  return (CUSTOMER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The event's own id, the same on every copy: `order-o-7-v2`, `customer-ann-v1`. */
export function eventIdOf(event: ShopEvent): string {
  return isOrderEvent(event) ? `order-${event.orderId}-v${event.version}` : `customer-${event.customerId}-v${event.version}`;
}

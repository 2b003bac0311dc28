// What someone asks an order to do. A command may be refused; an event may not.
// Each command's fields are exactly the ones the aggregate method needs.
import type { Money, OrderItem, PaymentMethod } from './events';

export interface CreateOrder {
  customerId: string;
  items: OrderItem[];
  shippingAddress: string;
}

export interface AddOrderItem {
  orderId: string;
  productId: string;
  productName: string;
  quantity: number;
  unitPrice: Money;
}

export interface RemoveOrderItem {
  orderId: string;
  productId: string;
  quantity: number;
}

export interface ChangeOrderAddress {
  orderId: string;
  newAddress: string;
}

export interface PayOrder {
  orderId: string;
  paymentId: string;
  paymentMethod: PaymentMethod;
  amount: Money;
}

export interface ShipOrder {
  orderId: string;
  trackingNumber: string;
  carrier: string;
}

export interface DeliverOrder {
  orderId: string;
}

export interface CancelOrder {
  orderId: string;
  reason: string;
}

/**
 * A command tagged with its name, for code that routes commands (a command handler, a test helper).
 * `CreateOrder` may name the new order's id; a command handler fills it in when it is missing.
 */
export type OrderCommand =
  | ({ type: 'CreateOrder'; orderId?: string } & CreateOrder)
  | ({ type: 'AddOrderItem' } & AddOrderItem)
  | ({ type: 'RemoveOrderItem' } & RemoveOrderItem)
  | ({ type: 'ChangeOrderAddress' } & ChangeOrderAddress)
  | ({ type: 'PayOrder' } & PayOrder)
  | ({ type: 'ShipOrder' } & ShipOrder)
  | ({ type: 'DeliverOrder' } & DeliverOrder)
  | ({ type: 'CancelOrder' } & CancelOrder);

export type OrderCommandType = OrderCommand['type'];

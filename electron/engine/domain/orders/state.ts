// What an order knows about itself after its events: the state `evolve` builds and `decide` reads.
import type { Money, OrderItem, OrderStatus, PaymentMethod } from './events';

export interface OrderState {
  id: string;
  /** Version of the last applied event; 0 before the order exists. */
  version: number;
  status: OrderStatus;
  customerId: string;
  items: OrderItem[];
  totalAmount: Money;
  shippingAddress: string;
  paymentId: string | null;
  paymentMethod: PaymentMethod | null;
  trackingNumber: string | null;
  carrier: string | null;
  createdAt: string | null;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export function initialState(): OrderState {
  return {
    id: '',
    version: 0,
    status: 'pending',
    customerId: '',
    items: [],
    totalAmount: 0,
    shippingAddress: '',
    paymentId: null,
    paymentMethod: null,
    trackingNumber: null,
    carrier: null,
    createdAt: null,
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    cancelledAt: null,
    cancelReason: null,
  };
}

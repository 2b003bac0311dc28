// How each event changes an order's state. Pure: returns a new state, never touches its inputs,
// and copies items so the state and the event stay independent.
import type { OrderEvent } from './events';
import { copyItems, totalOf, withItemAdded, withItemRemoved } from './items';
import type { OrderState } from './state';

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  const next: OrderState = { ...state, items: copyItems(state.items), version: event.version };
  switch (event.type) {
    case 'OrderCreated':
      return {
        ...next,
        id: event.aggregateId,
        status: 'pending',
        customerId: event.customerId,
        items: copyItems(event.items),
        totalAmount: event.totalAmount,
        shippingAddress: event.shippingAddress,
        createdAt: event.timestamp,
      };
    case 'OrderItemAdded': {
      const { productId, productName, quantity, unitPrice } = event;
      const items = withItemAdded(state.items, { productId, productName, quantity, unitPrice });
      return { ...next, items, totalAmount: totalOf(items) };
    }
    case 'OrderItemRemoved': {
      const items = withItemRemoved(state.items, event.productId, event.quantity);
      return { ...next, items, totalAmount: totalOf(items) };
    }
    case 'OrderAddressChanged':
      return { ...next, shippingAddress: event.newAddress };
    case 'OrderPaid':
      return {
        ...next,
        status: 'paid',
        paymentId: event.paymentId,
        paymentMethod: event.paymentMethod,
        paidAt: event.timestamp,
      };
    case 'OrderShipped':
      return {
        ...next,
        status: 'shipped',
        trackingNumber: event.trackingNumber,
        carrier: event.carrier,
        shippedAt: event.timestamp,
      };
    case 'OrderDelivered':
      return { ...next, status: 'delivered', deliveredAt: event.deliveredAt };
    case 'OrderCancelled':
      return { ...next, status: 'cancelled', cancelReason: event.reason, cancelledAt: event.cancelledAt };
    default: {
      // Reached only by untyped input (e.g. a corrupted stream); fail loudly rather than skip a fact.
      const unknownEvent: never = event;
      throw new Error(`Unknown order event type: ${String((unknownEvent as { type?: unknown }).type)}`);
    }
  }
}

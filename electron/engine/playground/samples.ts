// The sample order the playground's scenarios, sagas and bulk load use, and its commands.
import type { OrderCommand } from '../domain/orders';

export function sampleCreate(orderId: string, customerId = 'alice'): OrderCommand {
  return {
    type: 'CreateOrder',
    orderId,
    customerId,
    shippingAddress: '12 Harbour Road, Portsmouth',
    items: [
      { productId: 'kbd-1', productName: 'Keyboard', quantity: 1, unitPrice: 4900 },
      { productId: 'cab-2', productName: 'USB cable', quantity: 2, unitPrice: 500 },
    ],
  };
}
export const SAMPLE_TOTAL = 5900;

/** Pays the sample order in full; `ref` names the payment (the order id, or a saga's id). */
export function samplePay(orderId: string, ref = orderId): OrderCommand {
  return { type: 'PayOrder', orderId, paymentId: `pay-${ref}`, paymentMethod: 'credit_card', amount: SAMPLE_TOTAL };
}

/** Ships an order; `ref` names the tracking number (the order id, or a saga's id). */
export function sampleShip(orderId: string, ref = orderId): OrderCommand {
  return { type: 'ShipOrder', orderId, trackingNumber: `TRK-${ref}`, carrier: 'DHL' };
}

/** create, pay, ship, deliver: one order's happy path. */
export function happyCommands(orderId: string): OrderCommand[] {
  return [sampleCreate(orderId), samplePay(orderId), sampleShip(orderId), { type: 'DeliverOrder', orderId }];
}

// The events the four services of the shop exchange on the bus, and the envelope every event travels
// in. `correlationId` names the business process (one order's checkout) and is the same on every event
// of it; `causationId` is the id of the event this one reacts to (null for the first). With both, one
// can follow an order across services and see which event led to which.

export interface OrderLine {
  sku: string;
  quantity: number;
}

/** What an event says, without its envelope. */
export type EventBody =
  | { type: 'OrderPlaced'; data: { orderId: string; customerId: string; amount: number; lines: OrderLine[] } }
  | { type: 'PaymentCaptured'; data: { orderId: string; paymentId: string; amount: number } }
  | { type: 'PaymentDeclined'; data: { orderId: string; reason: 'insufficient-funds' } }
  | { type: 'StockReserved'; data: { orderId: string } }
  | { type: 'StockUnavailable'; data: { orderId: string; sku: string } }
  | { type: 'PaymentRefunded'; data: { orderId: string; paymentId: string; amount: number } }
  | { type: 'ShipmentScheduled'; data: { orderId: string; shipmentId: string } }
  | { type: 'OrderConfirmed'; data: { orderId: string } }
  | { type: 'OrderCancelled'; data: { orderId: string; reason: 'payment-declined' | 'out-of-stock' } };

export interface Envelope {
  eventId: string;
  correlationId: string;
  /** The event this one reacts to; null for the event that starts a process. */
  causationId: string | null;
}

export type ShopEvent = EventBody & Envelope;
export type EventType = ShopEvent['type'];

/** The event of one type. */
export type EventOf<T extends EventType> = Extract<ShopEvent, { type: T }>;

// The three services an order needs before it can ship. Each lives in its own system, so there
// is no transaction around all three: if a later step fails, the earlier ones must be undone
// by their compensations. Every call takes an idempotency key: a call repeated with the same key
// (say, after a crash) returns the first answer and changes nothing more.

export interface FulfilmentRequest {
  orderId: string;
  customerId: string;
  items: Array<{ productId: string; quantity: number }>;
  /** Cents to charge. */
  amount: number;
  address: string;
}

export interface InventoryService {
  /** Holds the items; returns a reservation id. */
  reserve(key: string, items: FulfilmentRequest['items']): Promise<string>;
  /** Compensation: gives a reservation's items back. */
  release(key: string, reservationId: string): Promise<void>;
}

export interface PaymentService {
  /** Takes the money; returns a payment id. */
  charge(key: string, customerId: string, amount: number): Promise<string>;
  /** Compensation: pays a payment back. */
  refund(key: string, paymentId: string): Promise<void>;
}

export interface ShippingService {
  /** Books a shipment; returns its id. */
  createShipment(key: string, orderId: string, address: string): Promise<string>;
  /** Compensation: cancels a booked shipment. */
  cancelShipment(key: string, shipmentId: string): Promise<void>;
}

export interface SagaServices {
  inventory: InventoryService;
  payments: PaymentService;
  shipping: ShippingService;
}

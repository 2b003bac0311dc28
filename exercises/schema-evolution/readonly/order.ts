// The order service's own model of a placed order: how it is kept inside the service. It is free to
// change with every release, which is exactly why it is not what the service publishes: other teams
// get the integration event of contract.ts, mapped field by field.

export interface OrderLine {
  sku: string;
  quantity: number;
}

export interface PlacedOrder {
  orderId: string;
  /** Inside the service a customer is a "buyer" since the accounts rework. */
  buyerId: string;
  /** Money inside the service is an amount of whole cents with its currency. */
  total: { amount: number; currency: string };
  lines: OrderLine[];
  placedAt: string;
}

// A plain copy of everything an OrderAggregate knows, so tests can compare states
// (before/after a refused command, live vs replayed) without caring about the class.
export const STATE_FIELDS = [
  'id',
  'version',
  'status',
  'customerId',
  'items',
  'totalAmount',
  'shippingAddress',
  'paymentId',
  'paymentMethod',
  'trackingNumber',
  'carrier',
  'createdAt',
  'paidAt',
  'shippedAt',
  'deliveredAt',
  'cancelledAt',
  'cancelReason',
] as const;

export type OrderSnapshot = Record<(typeof STATE_FIELDS)[number], unknown>;

export function stateOf(order: object): OrderSnapshot {
  const source = order as Record<string, unknown>;
  const snapshot = {} as OrderSnapshot;
  for (const field of STATE_FIELDS) {
    const value = source[field];
    // Deep copy: later changes to the order must not change the snapshot.
    snapshot[field] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  return snapshot;
}

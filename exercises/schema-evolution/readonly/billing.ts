// The billing team's consumer, written against version 1 of OrderPlaced and deployed long ago. We
// cannot change or redeploy it: whatever the order service publishes, this code must still read.
// Like any sensible reader it ignores fields it does not know, but it needs its four fields, with
// their version-1 names, types and meaning.

export interface BillingEntry {
  orderId: string;
  customerId: string;
  /** Whole cents, billed in euros (version 1 knew no other currency). */
  totalAmount: number;
  placedAt: string;
}

/** Reads one message as billing does; throws an Error saying which field it could not read. */
export function readForBilling(json: string): BillingEntry {
  const message = JSON.parse(json) as Record<string, unknown>;
  if (message.type !== 'OrderPlaced') throw new Error(`billing: not an OrderPlaced message (type ${String(message.type)})`);
  const text = (field: string): string => {
    const value = message[field];
    if (typeof value !== 'string' || value === '') throw new Error(`billing cannot read field "${field}": expected text, got ${JSON.stringify(value)}`);
    return value;
  };
  const amount = message.totalAmount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw new Error(`billing cannot read field "totalAmount": expected whole cents, got ${JSON.stringify(amount)}`);
  }
  return { orderId: text('orderId'), customerId: text('customerId'), totalAmount: amount, placedAt: text('placedAt') };
}

// The published contract of the OrderPlaced integration event on the `order-events` topic: what the
// order service promises every other team, version by version, and the error a reader raises when a
// message breaks that promise. Other services read these messages with code we do not control, so
// the contract only ever grows: fields are added, never renamed, removed or given another type or meaning.

export const ORDER_TOPIC = 'order-events';

/** The schema version the order service publishes today. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Every order placed under version 1 was in euros: the shop sold in nothing else then. */
export const V1_CURRENCY = 'EUR';

/**
 * Version 1, as the first release published it. It had no `schemaVersion` field at all: a message
 * without one is version 1.
 */
export interface OrderPlacedV1 {
  type: 'OrderPlaced';
  orderId: string;
  customerId: string;
  /** Whole cents. */
  totalAmount: number;
  /** ISO-8601, UTC. */
  placedAt: string;
}

/** Version 2 adds three fields and changes none of version 1's. */
export interface OrderPlacedV2 extends OrderPlacedV1 {
  schemaVersion: 2;
  /** ISO 4217 code, three capital letters (`EUR`, `USD`, `SEK`). */
  currency: string;
  /** How many units the order holds (the sum of the lines' quantities). */
  unitCount: number;
}

/** What a new consumer works with, whichever version the message had. */
export interface OrderPlacedView {
  /** The version the message declared (1 when it declared none). */
  schemaVersion: number;
  orderId: string;
  customerId: string;
  totalAmount: number;
  currency: string;
  /** Unknown (null) for a version-1 message: version 1 never said. */
  unitCount: number | null;
  placedAt: string;
}

export type ContractErrorCode = 'NOT_JSON' | 'WRONG_EVENT' | 'MISSING_FIELD' | 'WRONG_TYPE';

/** A message this reader cannot accept; `field` names the field at fault. */
export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    readonly field: string | null = null,
  ) {
    super(field === null ? `OrderPlaced message rejected: ${code}` : `OrderPlaced message rejected: ${code} (field "${field}")`);
    this.name = 'ContractError';
  }
}

// The order the shop places, the event it announces, and what the shop runs on (its database, its
// broker client, its clock). Money is whole cents; times are ISO-8601 strings in UTC, read from an
// injected clock so tests are repeatable.
import type { Broker } from './broker';
import type { ShopDatabase } from './database';

/** Where "now" comes from. */
export type Clock = () => string;

/** A clock that always says the same time. */
export function fixedClock(now: string): Clock {
  return () => now;
}

export interface PlaceOrder {
  orderId: string;
  customerId: string;
  /** Whole cents. */
  totalAmount: number;
}

/** The event other services learn about a new order from. */
export interface OrderPlaced {
  type: 'OrderPlaced';
  orderId: string;
  customerId: string;
  totalAmount: number;
  placedAt: string;
}

/** What the shop's code runs on. Both the order service and the relay get the same one. */
export interface Shop {
  db: ShopDatabase;
  broker: Broker;
  clock: Clock;
}

// A customer's events as the code uses them today (schema version 2 for the address events).
// Version 1 of CustomerRegistered and CustomerMoved kept the address as one line of text; those
// events are still in old streams and must be upcast to today's shape when they are read.

export interface Address {
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface CustomerRegistered {
  type: 'CustomerRegistered';
  customerId: string;
  name: string;
  address: Address;
}

export interface CustomerMoved {
  type: 'CustomerMoved';
  customerId: string;
  address: Address;
}

export interface CustomerRenamed {
  type: 'CustomerRenamed';
  customerId: string;
  name: string;
}

/** Points add up: applying this event twice gives the customer too many points. */
export interface LoyaltyPointsEarned {
  type: 'LoyaltyPointsEarned';
  customerId: string;
  points: number;
}

/** Today's events: what `evolve` understands. */
export type CustomerEvent = CustomerRegistered | CustomerMoved | CustomerRenamed | LoyaltyPointsEarned;
export type CustomerEventType = CustomerEvent['type'];

/** Version 1 data, as old streams hold it ("12 Harbour Road, Riga, LV-1010, Latvia"). */
export interface CustomerRegisteredV1Data {
  customerId: string;
  name: string;
  address: string;
}

export interface CustomerMovedV1Data {
  customerId: string;
  address: string;
}

/** The schema version each event type is written with today. */
export const CURRENT_SCHEMA: Record<CustomerEventType, number> = {
  CustomerRegistered: 2,
  CustomerMoved: 2,
  CustomerRenamed: 1,
  LoyaltyPointsEarned: 1,
};

// What can happen to a product in the catalogue. These events are the only thing the write
// side stores, and the only thing the read side learns from.

/** Money in minor units (cents): a safe integer, never a float. */
export type Cents = number;

export interface ProductAdded {
  type: 'ProductAdded';
  productId: string;
  name: string;
  description: string;
  /** A short slug such as 'kitchen'; compared exactly. */
  category: string;
  price: Cents;
}

export interface ProductPriceChanged {
  type: 'ProductPriceChanged';
  productId: string;
  price: Cents;
}

export interface ProductDiscontinued {
  type: 'ProductDiscontinued';
  productId: string;
}

export type ProductEvent = ProductAdded | ProductPriceChanged | ProductDiscontinued;

export type ProductEventType = ProductEvent['type'];

export const PRODUCT_EVENT_TYPES: readonly ProductEventType[] = ['ProductAdded', 'ProductPriceChanged', 'ProductDiscontinued'];

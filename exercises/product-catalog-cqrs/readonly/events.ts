// What can happen to a product in the catalogue, and to the categories products belong to. The
// write side stores the product events; the category events come from the merchandising team's
// own streams. The read side learns from both, and from nothing else.

/** Money in minor units (cents): a safe integer, never a float. */
export type Cents = number;

export interface ProductAdded {
  type: 'ProductAdded';
  productId: string;
  name: string;
  description: string;
  /** The id of the product's category, a short slug such as 'kitchen' (its stream is `category-kitchen`); compared exactly. */
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

/** A category appears, with the title the shop window shows (stream `category-<categoryId>`). */
export interface CategoryCreated {
  type: 'CategoryCreated';
  categoryId: string;
  title: string;
}

/** A category gets a new title; its products stay in it. */
export interface CategoryRenamed {
  type: 'CategoryRenamed';
  categoryId: string;
  title: string;
}

export type CategoryEvent = CategoryCreated | CategoryRenamed;

export const CATEGORY_EVENT_TYPES: readonly CategoryEvent['type'][] = ['CategoryCreated', 'CategoryRenamed'];

/** Every event the read side projects. */
export type CatalogEvent = ProductEvent | CategoryEvent;

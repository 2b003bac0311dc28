// The write side's input: requests to change the catalogue. A command may be refused with a
// CatalogError; when it is accepted, the command handler stores events.
import type { Cents } from './events';

export interface AddProduct {
  productId: string;
  name: string;
  description: string;
  category: string;
  price: Cents;
}

export interface ChangeProductPrice {
  productId: string;
  price: Cents;
}

export interface DiscontinueProduct {
  productId: string;
}

export type CatalogCommand =
  | ({ type: 'AddProduct' } & AddProduct)
  | ({ type: 'ChangeProductPrice' } & ChangeProductPrice)
  | ({ type: 'DiscontinueProduct' } & DiscontinueProduct);

/** What the handler answers after an accepted command: the product's stream version now. */
export interface CommandResult {
  productId: string;
  version: number;
}

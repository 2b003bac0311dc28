// The read side's input and output: questions about the catalogue and the shapes of the answers.
// Queries never change anything and never look at the write side.
import type { Cents } from './events';

/** One product as the shop window shows it. */
export interface ProductView {
  productId: string;
  name: string;
  description: string;
  category: string;
  price: Cents;
  /** false once the product is discontinued. */
  available: boolean;
  /**
   * The current title of the product's category, copied from the category events (denormalised, so
   * a query needs no second lookup); null while the log holds no CategoryCreated for it.
   */
  categoryTitle: string | null;
}

/** One category as the shop window's menu shows it. */
export interface CategorySummary {
  categoryId: string;
  title: string;
  /** How many available (not discontinued) products it holds. */
  products: number;
}

export interface FindProducts {
  /** Only this category (exact match). */
  category?: string;
  /** Lowest price, inclusive, in cents. */
  minPrice?: Cents;
  /** Highest price, inclusive, in cents. */
  maxPrice?: Cents;
  /** Words to look for in the name or the description, ignoring case. Blank means no text filter. */
  text?: string;
  /** 1-based page number. Default 1. */
  page?: number;
  /** Products per page, 1 to 50. Default 10. */
  pageSize?: number;
}

export interface ProductPage {
  items: ProductView[];
  /** How many products match the filters on all pages together. */
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

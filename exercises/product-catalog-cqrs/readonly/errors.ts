// Why the catalogue refused a command or a query. Code for programs, message for people.

export type CatalogErrorCode =
  /** A field is missing, blank, or out of range (commands and queries alike). */
  | 'VALIDATION'
  /** AddProduct for an id that is already in the catalogue. */
  | 'ALREADY_EXISTS'
  /** No product with this id. */
  | 'NOT_FOUND'
  /** The product is discontinued and takes no more changes. */
  | 'DISCONTINUED'
  /** Somebody else changed the product first (raised by the event store). */
  | 'CONCURRENCY';

export class CatalogError extends Error {
  readonly code: CatalogErrorCode;

  constructor(code: CatalogErrorCode, message: string) {
    super(message);
    this.name = 'CatalogError';
    this.code = code;
  }
}

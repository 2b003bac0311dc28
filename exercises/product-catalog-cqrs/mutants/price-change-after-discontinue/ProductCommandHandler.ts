// The write side of the catalogue. A command is checked against the product's current state
// (folded from its own stream), and an accepted command appends events with the version that
// was read, so a concurrent change makes the append fail instead of being overwritten.
import type { AddProduct, CatalogCommand, ChangeProductPrice, CommandResult, DiscontinueProduct } from './commands';
import { isNonBlank, isPositiveSafeInteger } from './checks';
import { CatalogError } from './errors';
import type { Cents, ProductEvent } from './events';
import { productEventOf, productStreamId, toStored, type CatalogEventStore } from './storage';

/** What the write side needs to know about a product to decide: far less than the read model shows. */
export interface ProductState {
  exists: boolean;
  price: Cents;
  discontinued: boolean;
  /** The stream's version when it was read: pass it as expectedVersion. */
  version: number;
}

export class ProductCommandHandler {
  constructor(private readonly store: CatalogEventStore) {}

  handle(command: CatalogCommand): CommandResult {
    switch (command.type) {
      case 'AddProduct':
        return this.addProduct(command);
      case 'ChangeProductPrice':
        return this.changePrice(command);
      case 'DiscontinueProduct':
        return this.discontinue(command);
    }
  }

  /** Folds the product's stream into the little state the decisions need. */
  load(productId: string): ProductState {
    const { events, currentVersion } = this.store.readStream(productStreamId(productId));
    let state: ProductState = { exists: false, price: 0, discontinued: false, version: currentVersion };
    for (const stored of events) {
      const event = productEventOf(stored);
      if (event) state = evolve(state, event);
    }
    return state;
  }

  private addProduct(command: AddProduct): CommandResult {
    if (!isNonBlank(command.productId)) throw new CatalogError('VALIDATION', 'productId must not be blank');
    if (!isNonBlank(command.name)) throw new CatalogError('VALIDATION', 'name must not be blank');
    if (typeof command.description !== 'string') throw new CatalogError('VALIDATION', 'description must be text');
    if (!isNonBlank(command.category)) throw new CatalogError('VALIDATION', 'category must not be blank');
    if (!isPositiveSafeInteger(command.price)) throw new CatalogError('VALIDATION', 'price must be a positive whole number of cents');
    if (this.load(command.productId).exists) {
      throw new CatalogError('ALREADY_EXISTS', `product ${command.productId} is already in the catalogue`);
    }
    const event: ProductEvent = {
      type: 'ProductAdded',
      productId: command.productId,
      name: command.name,
      description: command.description,
      category: command.category,
      price: command.price,
    };
    return this.append(command.productId, [event], 'no_stream');
  }

  private changePrice(command: ChangeProductPrice): CommandResult {
    const state = this.load(command.productId);
    if (!state.exists) throw new CatalogError('NOT_FOUND', `no product ${command.productId}`);
    if (!isPositiveSafeInteger(command.price)) throw new CatalogError('VALIDATION', 'price must be a positive whole number of cents');
    // The same price again changes nothing, so nothing is recorded.
    if (command.price === state.price) return { productId: command.productId, version: state.version };
    return this.append(command.productId, [{ type: 'ProductPriceChanged', productId: command.productId, price: command.price }], state.version);
  }

  private discontinue(command: DiscontinueProduct): CommandResult {
    const state = this.load(command.productId);
    if (!state.exists) throw new CatalogError('NOT_FOUND', `no product ${command.productId}`);
    if (state.discontinued) throw new CatalogError('DISCONTINUED', `product ${command.productId} is already discontinued`);
    return this.append(command.productId, [{ type: 'ProductDiscontinued', productId: command.productId }], state.version);
  }

  private append(productId: string, events: ProductEvent[], expectedVersion: number | 'no_stream'): CommandResult {
    const { nextExpectedVersion } = this.store.appendToStream(productStreamId(productId), events.map(toStored), { expectedVersion });
    return { productId, version: nextExpectedVersion };
  }
}

function evolve(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case 'ProductAdded':
      return { ...state, exists: true, price: event.price };
    case 'ProductPriceChanged':
      return { ...state, price: event.price };
    case 'ProductDiscontinued':
      return { ...state, discontinued: true };
  }
}

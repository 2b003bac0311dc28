// The write side in given/when/then form, through the shared helper: given product events already
// stored, when a command is handled, then expect exactly these new events in the store, or a refusal
// with a CatalogError code and nothing stored.
import { createMemoryEventStore } from '@engine/store/memory';
import { givenWhenThen } from '@engine/testing/givenWhenThen';
import type { CatalogCommand, CommandResult } from '@workspace/commands';
import type { CatalogErrorCode } from '@workspace/errors';
import type { ProductEvent } from '@workspace/events';
import { ProductCommandHandler } from '@workspace/ProductCommandHandler';
import { productStreamId } from '@workspace/storage';

export const given = givenWhenThen<ProductEvent, CatalogCommand, CommandResult, CatalogErrorCode>({
  nameOf: (command) => command.type,
  execute(history, command) {
    const store = createMemoryEventStore();
    for (const event of history) store.appendToStream(productStreamId(event.productId), [{ type: event.type, data: event }]);
    const head = store.headPosition();
    const handler = new ProductCommandHandler(store);
    let result: CommandResult | undefined;
    let error: unknown;
    try {
      result = handler.handle(command);
    } catch (caught) {
      error = caught;
    }
    const events = store.readAll({ after: head }).map((stored) => stored.data as ProductEvent);
    return { result, error, events };
  },
});

/** Sample events for the write-side scenarios. */
export const added = (productId = 'kettle-1', price = 3990): ProductEvent => ({
  type: 'ProductAdded',
  productId,
  name: 'Steel kettle',
  description: '1.7 litres',
  category: 'kitchen',
  price,
});
export const priceChanged = (price: number, productId = 'kettle-1'): ProductEvent => ({ type: 'ProductPriceChanged', productId, price });
export const discontinued = (productId = 'kettle-1'): ProductEvent => ({ type: 'ProductDiscontinued', productId });

// Builds a catalogue for a test: an in-memory event store, the write side (command handler) and
// the read side (read model) over it, a sample range of products, and the merchandising team's
// category events, appended to their own streams as that team's service would.
import { createMemoryEventStore, type EventStore } from '@engine/store/memory';
import type { AddProduct } from '@workspace/commands';
import { ProductCatalogReadModel } from '@workspace/ProductCatalogReadModel';
import { ProductCommandHandler } from '@workspace/ProductCommandHandler';
import { categoryStreamId } from '@workspace/storage';
import { watchStore, type StoreWatch } from './watch';

/** Seven products over three categories; prices in cents. Names chosen so the sort order is easy to see. */
export const PRODUCTS: AddProduct[] = [
  { productId: 'kettle-1', name: 'Steel kettle', description: '1.7 litres, boils in two minutes', category: 'kitchen', price: 3990 },
  { productId: 'mug-2', name: 'Stoneware mug', description: 'Blue glaze, 350 ml', category: 'kitchen', price: 1250 },
  { productId: 'lamp-3', name: 'Desk lamp', description: 'Warm LED on a steel arm', category: 'lighting', price: 4500 },
  { productId: 'bulb-4', name: 'LED bulb', description: 'E27 socket, warm white', category: 'lighting', price: 599 },
  { productId: 'chair-5', name: 'Oak chair', description: 'Solid oak, seat height 45 cm', category: 'furniture', price: 12900 },
  { productId: 'table-6', name: 'Oak table', description: 'Seats six', category: 'furniture', price: 45000 },
  { productId: 'teapot-7', name: 'Glass teapot', description: 'With a Steel strainer', category: 'kitchen', price: 2790 },
];

/** The sample products' names in the order queries list them (by name). */
export const NAMES_IN_ORDER = ['Desk lamp', 'Glass teapot', 'LED bulb', 'Oak chair', 'Oak table', 'Steel kettle', 'Stoneware mug'];

export interface Catalog {
  store: EventStore;
  /** Records every use of the store, and fails on any use while `watch.duringQueries` runs. */
  watch: StoreWatch;
  handler: ProductCommandHandler;
  readModel: ProductCatalogReadModel;
}

/** A catalogue whose read model sees the store only through the watch. */
export function newCatalog(): Catalog {
  const store = createMemoryEventStore();
  const watch = watchStore(store);
  const handler = new ProductCommandHandler(store);
  const readModel = new ProductCatalogReadModel(watch.store);
  return { store, watch, handler, readModel };
}

/** A catalogue holding the sample products, its read model caught up. */
export function sampleCatalog(): Catalog {
  const catalog = newCatalog();
  for (const product of PRODUCTS) catalog.handler.handle({ type: 'AddProduct', ...product });
  catalog.readModel.catchUp();
  return catalog;
}

export function namesOf(items: ReadonlyArray<{ name: string }>): string[] {
  return items.map((item) => item.name);
}

/** The code of the error an action throws, or 'no error'. */
export function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Name a code-less error by its message, so a failing test says what was thrown instead.
    return code ?? `an error without a code: ${error instanceof Error ? error.message : String(error)}`;
  }
  return 'no error';
}

/** The merchandising team creates a category (stream `category-<id>`). */
export function createCategory(store: EventStore, categoryId: string, title: string): void {
  store.appendToStream(categoryStreamId(categoryId), [{ type: 'CategoryCreated', data: { type: 'CategoryCreated', categoryId, title } }]);
}

/** The merchandising team renames a category. */
export function renameCategory(store: EventStore, categoryId: string, title: string): void {
  store.appendToStream(categoryStreamId(categoryId), [{ type: 'CategoryRenamed', data: { type: 'CategoryRenamed', categoryId, title } }]);
}

/** Each product's category title, by product id, as the read model shows them. */
export function titlesOf(catalog: Catalog, productIds: string[]): Record<string, string | null | undefined> {
  return Object.fromEntries(productIds.map((id) => [id, catalog.readModel.getProduct(id)?.categoryTitle]));
}

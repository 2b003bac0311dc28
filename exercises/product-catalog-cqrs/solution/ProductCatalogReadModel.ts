// The read side of the catalogue: a projection of two kinds of stream (products, and the categories
// another team keeps) into product views that carry their category's current title, and the queries
// that answer from those views alone. The title is copied into every view of the category whenever
// it changes, and whichever stream's event comes first, the views end up the same. Queries never read
// the event store; only `catchUp` does, and it moves a checkpoint so each event is projected once.
import { CatalogError } from './errors';
import type { CatalogEvent } from './events';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type CategorySummary, type FindProducts, type ProductPage, type ProductView } from './queries';
import { catalogEventOf, type EventLog } from './storage';

export class ProductCatalogReadModel {
  /** Global position of the last event this model has seen. */
  private checkpoint = 0;
  private readonly products = new Map<string, ProductView>();
  /** Each category's current title, by category id. */
  private readonly categories = new Map<string, string>();

  constructor(private readonly log: EventLog) {}

  /** Projects every event appended since the last call; returns how many product and category events it applied. */
  catchUp(): number {
    let applied = 0;
    for (const stored of this.log.readAll({ after: this.checkpoint })) {
      const event = catalogEventOf(stored);
      if (event) {
        this.project(event);
        applied++;
      }
      this.checkpoint = stored.globalPosition;
    }
    return applied;
  }

  /** The product as last projected, or undefined. A copy: changing it changes nothing here. */
  getProduct(productId: string): ProductView | undefined {
    const view = this.products.get(productId);
    return view ? { ...view } : undefined;
  }

  /** Every category the log has created, with its title and its number of available products; by title, then id. */
  listCategories(): CategorySummary[] {
    const counts = new Map<string, number>();
    for (const view of this.products.values()) {
      if (view.available) counts.set(view.category, (counts.get(view.category) ?? 0) + 1);
    }
    return [...this.categories]
      .map(([categoryId, title]) => ({ categoryId, title, products: counts.get(categoryId) ?? 0 }))
      .sort((a, b) => (a.title !== b.title ? (a.title < b.title ? -1 : 1) : a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0));
  }

  findProducts(query: FindProducts = {}): ProductPage {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isSafeInteger(page) || page < 1) throw new CatalogError('VALIDATION', 'page must be a whole number from 1');
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new CatalogError('VALIDATION', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    for (const bound of [query.minPrice, query.maxPrice]) {
      if (bound !== undefined && (!Number.isSafeInteger(bound) || bound < 0)) {
        throw new CatalogError('VALIDATION', 'a price bound must be a whole number of cents, 0 or more');
      }
    }
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw new CatalogError('VALIDATION', 'minPrice is above maxPrice');
    }
    const text = (query.text ?? '').trim().toLowerCase();

    const matching = [...this.products.values()]
      .filter((view) => view.available)
      .filter((view) => query.category === undefined || view.category === query.category)
      .filter((view) => query.minPrice === undefined || view.price >= query.minPrice)
      .filter((view) => query.maxPrice === undefined || view.price <= query.maxPrice)
      .filter((view) => text === '' || view.name.toLowerCase().includes(text) || view.description.toLowerCase().includes(text))
      .sort(byNameThenId);

    const start = (page - 1) * pageSize;
    return {
      items: matching.slice(start, start + pageSize).map((view) => ({ ...view })),
      total: matching.length,
      page,
      pageSize,
    };
  }

  private project(event: CatalogEvent): void {
    switch (event.type) {
      case 'ProductAdded':
        this.products.set(event.productId, {
          productId: event.productId,
          name: event.name,
          description: event.description,
          category: event.category,
          price: event.price,
          available: true,
          categoryTitle: this.categories.get(event.category) ?? null,
        });
        break;
      case 'ProductPriceChanged': {
        const view = this.products.get(event.productId);
        if (view) this.products.set(event.productId, { ...view, price: event.price });
        break;
      }
      case 'ProductDiscontinued': {
        const view = this.products.get(event.productId);
        if (view) this.products.set(event.productId, { ...view, available: false });
        break;
      }
      case 'CategoryCreated':
        // Products may have arrived before their category: they get its title now.
        this.categories.set(event.categoryId, event.title);
        this.retitle(event.categoryId, event.title);
        break;
      case 'CategoryRenamed':
        this.categories.set(event.categoryId, event.title);
        this.retitle(event.categoryId, event.title);
        break;
    }
  }

  /** Copies a category's title into every product view of that category. */
  private retitle(categoryId: string, title: string): void {
    for (const [productId, view] of this.products) {
      if (view.category === categoryId) this.products.set(productId, { ...view, categoryTitle: title });
    }
  }
}

/** Plain string order (not the locale's), so every machine sorts the same way. */
function byNameThenId(a: ProductView, b: ProductView): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;
}

// The read side of the catalogue: a projection of two kinds of stream (products, and the categories
// another team keeps) into product views that carry their category's current title, and the queries
// that answer from those views alone. Queries never read the event store; only `catchUp` does, and
// it moves a checkpoint so each event is projected once.
// Сторона чтения каталога: проекция потоков двух видов (товары и категории, которые ведёт другая
// команда) в карточки товаров с текущим названием категории и запросы, которые отвечают только по
// этим карточкам. Хранилище событий читает лишь `catchUp`, сдвигая контрольную точку.
import { CatalogError } from './errors';
import type { CatalogEvent } from './events';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type CategorySummary, type FindProducts, type ProductPage, type ProductView } from './queries';
import { catalogEventOf, type EventLog } from './storage';

// ─── Your task / Ваше задание ──────────────────────────────────────────────────────────────
// The whole read side is yours. Keep the two halves apart:
//   • catchUp + project: the ONLY code that reads `this.log`. Read the events after
//     this.checkpoint, project each product event into this.products, move the checkpoint.
//   • getProduct + findProducts: answer from this.products ONLY. A test watches the event
//     store and fails if a query touches it, even to "catch up first".
// Until catchUp runs, queries show the old answers: that delay is normal in CQRS.
//
// Вся сторона чтения — ваша. Держите две половины раздельно:
//   • catchUp + project — ЕДИНСТВЕННЫЙ код, который читает `this.log`. Прочитайте события после
//     this.checkpoint, спроецируйте каждое событие товара в this.products, сдвиньте контрольную точку.
//   • getProduct + findProducts отвечают ТОЛЬКО по this.products. Тест следит за хранилищем
//     и падает, если запрос к нему обратится, даже чтобы «сначала догнать».
// Пока catchUp не вызван, запросы отдают прежние ответы: в CQRS эта задержка — норма.

export class ProductCatalogReadModel {
  /** Global position of the last event this model has seen. */
  private checkpoint = 0;
  private readonly products = new Map<string, ProductView>();
  /** Each category's current title, by category id. / Текущее название каждой категории по её id. */
  private readonly categories = new Map<string, string>();

  constructor(private readonly log: EventLog) {}

  /**
   * Projects every event appended since the last call; returns how many PRODUCT and CATEGORY events it applied.
   * Проецирует все события, дописанные с прошлого вызова; возвращает число применённых событий ТОВАРОВ и КАТЕГОРИЙ.
   * - this.log.readAll({ after: this.checkpoint }) gives the new events in order.
   *   this.log.readAll({ after: this.checkpoint }) отдаёт новые события по порядку.
   * - catalogEventOf(stored) is null for other kinds of events: skip them, but move the checkpoint
   *   past them too (stored.globalPosition). / Для чужих событий catalogEventOf вернёт null:
   *   пропустите их, но контрольную точку сдвиньте и за них.
   * - A second call with nothing new returns 0. / Повторный вызов без новых событий возвращает 0.
   */
  catchUp(): number {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * The product as last projected (discontinued ones too, with available: false), or undefined.
   * Return a copy: a caller changing it must not change the model.
   * Товар по последней проекции (снятые с продажи тоже, с available: false) или undefined.
   * Верните копию: изменения у вызывающего не должны менять модель.
   */
  getProduct(productId: string): ProductView | undefined {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Available products matching every given filter, sorted by name then productId (byNameThenId),
   * one page of them. / Доступные товары, подходящие под все заданные фильтры, по имени, затем
   * по productId (byNameThenId), одна страница.
   *   category      exact match / точное совпадение
   *   minPrice      price >= minPrice (inclusive / включительно)
   *   maxPrice      price <= maxPrice (inclusive / включительно)
   *   text          trimmed, case-insensitive, found in name OR description; blank = no filter
   *                 без пробелов по краям, без учёта регистра, в name ИЛИ description; пустой — без фильтра
   *   page          default 1; page 2 with pageSize 3 holds matches 4–6 / по умолчанию 1; страница 2 при pageSize 3 — совпадения 4–6
   *   pageSize      default DEFAULT_PAGE_SIZE, from 1 to MAX_PAGE_SIZE / по умолчанию DEFAULT_PAGE_SIZE, от 1 до MAX_PAGE_SIZE
   * Returns / Возвращает { items, total (all matches on all pages / все совпадения на всех страницах), page, pageSize }.
   * Refuse with CatalogError('VALIDATION'): page or pageSize not a whole number in range, a price bound
   * that is not a whole number >= 0, minPrice above maxPrice.
   * Отказ CatalogError('VALIDATION'): page или pageSize не целое в допустимых пределах, граница цены —
   * не целое >= 0, minPrice больше maxPrice.
   */
  /**
   * Every category the log has created (empty ones too), with its title and how many AVAILABLE
   * products it holds, sorted by title, then categoryId. Answer from the read model only.
   * Все категории, созданные в журнале (и пустые), с названием и числом ДОСТУПНЫХ товаров, по
   * названию, затем по categoryId. Отвечайте только по модели чтения.
   */
  listCategories(): CategorySummary[] {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  findProducts(query: FindProducts = {}): ProductPage {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Updates this.products for one event. / Обновляет this.products по одному событию.
   *   ProductAdded         → a new view, available: true, categoryTitle: the category's title if known, else null
   *                          новая карточка, available: true, categoryTitle — название категории, если известно, иначе null
   *   ProductPriceChanged  → the view's price / цена карточки
   *   ProductDiscontinued  → available: false (the view stays for getProduct / карточка остаётся для getProduct)
   *   CategoryCreated, CategoryRenamed → remember the title, and copy it into EVERY view of that category
   *                          (products may have arrived before their category) / запомните название и
   *                          скопируйте его во ВСЕ карточки этой категории (товары могли прийти раньше категории)
   */
  private project(event: CatalogEvent): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }
}

/** Plain string order (not the locale's), so every machine sorts the same way. */
function byNameThenId(a: ProductView, b: ProductView): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;
}

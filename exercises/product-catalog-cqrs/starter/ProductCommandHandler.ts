// The write side of the catalogue. A command is checked against the product's current state
// (folded from its own stream), and an accepted command appends events with the version that
// was read, so a concurrent change makes the append fail instead of being overwritten.
// Сторона записи каталога. Команда проверяется по текущему состоянию товара (свёрнутому из его
// потока), а принятая команда дописывает события с прочитанной версией: если кто-то успел
// изменить товар раньше, запись не пройдёт, а не затрёт чужое изменение.
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

  /** Folds the product's stream into the little state the decisions need. (Given / Готово.) */
  load(productId: string): ProductState {
    const { events, currentVersion } = this.store.readStream(productStreamId(productId));
    let state: ProductState = { exists: false, price: 0, discontinued: false, version: currentVersion };
    for (const stored of events) {
      const event = productEventOf(stored);
      if (event) state = evolve(state, event);
    }
    return state;
  }

  /** Given: use it as your model. / Готовый пример. */
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

  // ─── Your task / Ваше задание ──────────────────────────────────────────────────────────
  // Write changePrice and discontinue, following addProduct above:
  //   1. state = this.load(command.productId);
  //   2. run the checks in the order listed; the first failing one throws
  //      `new CatalogError(code, message)` and nothing is stored;
  //   3. store the event with this.append(productId, [event], state.version). Passing the version
  //      you read is what protects against a lost update: if someone changed the product in
  //      between, the store refuses with 'CONCURRENCY'. Let that error go through.
  //
  // Напишите changePrice и discontinue по образцу addProduct выше:
  //   1. state = this.load(command.productId);
  //   2. выполните проверки в указанном порядке; первая не прошедшая бросает
  //      `new CatalogError(code, message)`, и ничего не сохраняется;
  //   3. сохраните событие через this.append(productId, [event], state.version). Прочитанная
  //      версия защищает от потерянного обновления: если товар успели изменить, хранилище
  //      откажет с 'CONCURRENCY'. Не перехватывайте эту ошибку.

  /**
   * Sets a new price. / Новая цена.
   * Checks / Проверки:
   *   1. the product exists                           → 'NOT_FOUND'     (товар существует)
   *   2. it is not discontinued                       → 'DISCONTINUED'  (товар не снят с продажи)
   *   3. price is a positive safe integer of cents    → 'VALIDATION'    (цена — положительное целое в центах)
   * The same price as now: record nothing and return { productId, version: state.version }.
   * Та же цена, что сейчас: ничего не записывать и вернуть { productId, version: state.version }.
   * Event / Событие: ProductPriceChanged { productId, price }
   */
  private changePrice(command: ChangeProductPrice): CommandResult {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Takes the product off sale. / Снятие товара с продажи.
   * Checks / Проверки:
   *   1. the product exists                           → 'NOT_FOUND'
   *   2. it is not discontinued already               → 'DISCONTINUED'
   * Event / Событие: ProductDiscontinued { productId }
   */
  private discontinue(command: DiscontinueProduct): CommandResult {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
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

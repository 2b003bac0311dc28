// An event-sourced order. Command methods check the rules, then record an event through `apply`;
// `apply` is the only place the state changes, so replaying the events rebuilds the same order.
// Заказ на Event Sourcing: методы-команды проверяют правила и записывают событие через `apply`;
// только `apply` меняет состояние, поэтому повтор событий восстанавливает тот же заказ.
import type {
  AddOrderItem,
  CancelOrder,
  ChangeOrderAddress,
  CreateOrder,
  DeliverOrder,
  PayOrder,
  RemoveOrderItem,
  ShipOrder,
} from './commands';
import { isNonBlank, isPositiveSafeInteger } from './checks';
import { systemClock, type Clock } from './clock';
import { OrderError } from './errors';
import {
  isPaymentMethod,
  type Money,
  type OrderEvent,
  type OrderItem,
  type OrderStatus,
  type PaymentMethod,
} from './events';
import { copyItems, quantityOf, totalOf, withItemAdded, withItemRemoved } from './items';

export class OrderAggregate {
  id = '';
  /** Version of the last applied event; 0 before the order exists. */
  version = 0;
  status: OrderStatus = 'pending';
  customerId = '';
  items: OrderItem[] = [];
  totalAmount: Money = 0;
  shippingAddress = '';
  paymentId: string | null = null;
  paymentMethod: PaymentMethod | null = null;
  trackingNumber: string | null = null;
  carrier: string | null = null;
  createdAt: string | null = null;
  paidAt: string | null = null;
  shippedAt: string | null = null;
  deliveredAt: string | null = null;
  cancelledAt: string | null = null;
  cancelReason: string | null = null;

  /** Events recorded since the order was created or loaded, waiting to be stored. */
  readonly uncommittedEvents: OrderEvent[] = [];

  private constructor(private readonly clock: Clock) {}

  /** Starts a new order. */
  static create(orderId: string, command: CreateOrder, clock: Clock = systemClock): OrderAggregate {
    const order = new OrderAggregate(clock);
    if (!isNonBlank(orderId)) throw new OrderError('VALIDATION', 'orderId must not be blank');
    if (!isNonBlank(command.customerId)) throw new OrderError('VALIDATION', 'customerId must not be blank');
    if (!Array.isArray(command.items)) throw new OrderError('VALIDATION', 'items must be a list');
    if (!isNonBlank(command.shippingAddress)) throw new OrderError('VALIDATION', 'shippingAddress must not be blank');

    let items: OrderItem[] = [];
    command.items.forEach((item, index) => {
      checkItem(item, `items[${index}]`);
      items = checkedItemsWith(items, item, `items[${index}]`);
    });

    order.apply({
      type: 'OrderCreated',
      aggregateId: orderId,
      version: 1,
      timestamp: clock(),
      customerId: command.customerId,
      items,
      totalAmount: totalOf(items),
      shippingAddress: command.shippingAddress,
    });
    return order;
  }

  /** Rebuilds an order from its stored events. Nothing is uncommitted afterwards. */
  static fromEvents(events: readonly OrderEvent[], clock: Clock = systemClock): OrderAggregate {
    const order = new OrderAggregate(clock);
    for (const event of events) order.apply(event, false);
    return order;
  }

  addItem(command: AddOrderItem): void {
    if (this.status !== 'pending') {
      throw new OrderError('INVALID_STATE', `Items can be added only to a pending order (it is ${this.status})`);
    }
    checkItem(command, 'item');
    checkedItemsWith(this.items, command, 'item');

    this.apply({
      type: 'OrderItemAdded',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: this.clock(),
      productId: command.productId,
      productName: command.productName,
      quantity: command.quantity,
      unitPrice: command.unitPrice,
    });
  }

  removeItem(command: RemoveOrderItem): void {
    if (this.status !== 'pending') {
      throw new OrderError('INVALID_STATE', `Items can be removed only from a pending order (it is ${this.status})`);
    }
    if (!isNonBlank(command.productId)) throw new OrderError('VALIDATION', 'productId must not be blank');
    if (!isPositiveSafeInteger(command.quantity)) {
      throw new OrderError('VALIDATION', 'quantity must be a positive whole number');
    }
    const held = quantityOf(this.items, command.productId);
    if (held === 0) throw new OrderError('VALIDATION', `Product ${command.productId} is not in the order`);
    if (command.quantity > held) {
      throw new OrderError('VALIDATION', `Cannot remove ${command.quantity}: the order holds ${held}`);
    }

    this.apply({
      type: 'OrderItemRemoved',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: this.clock(),
      productId: command.productId,
      quantity: command.quantity,
    });
  }

  changeAddress(command: ChangeOrderAddress): void {
    if (this.status === 'shipped' || this.status === 'delivered') {
      throw new OrderError('INVALID_STATE', `The address cannot change once the order is ${this.status}`);
    }
    if (!isNonBlank(command.newAddress)) throw new OrderError('VALIDATION', 'newAddress must not be blank');

    this.apply({
      type: 'OrderAddressChanged',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: this.clock(),
      newAddress: command.newAddress,
    });
  }

  // ─── Your task / Ваше задание ──────────────────────────────────────────────────────────
  // Implement pay, ship, deliver and cancel. Follow addItem, removeItem and changeAddress above:
  //   1. run the checks in the order given; the first one that fails throws
  //      `new OrderError(code, message)` and nothing else happens (no event, no state change);
  //   2. build ONE event: aggregateId = this.id, version = this.version + 1, timestamp = this.clock();
  //   3. pass it to this.apply(event). Do not change fields yourself: apply already knows how.
  // "Not blank" means a string with at least one non-whitespace character: use isNonBlank().
  //
  // Реализуйте pay, ship, deliver и cancel по образцу addItem, removeItem и changeAddress выше:
  //   1. выполняйте проверки в указанном порядке; первая не прошедшая бросает
  //      `new OrderError(code, message)`, и больше ничего не происходит (ни события, ни изменений);
  //   2. создайте ОДНО событие: aggregateId = this.id, version = this.version + 1, timestamp = this.clock();
  //   3. передайте его в this.apply(event). Не меняйте поля сами: apply уже умеет это делать.
  // «Непустая» строка — та, где есть хотя бы один непробельный символ: используйте isNonBlank().

  /**
   * Pays for the order. / Оплата заказа.
   * Checks / Проверки:
   *   1. status is 'pending'                                  → 'INVALID_STATE'
   *      статус — 'pending'
   *   2. paymentId is not blank                               → 'VALIDATION'
   *      paymentId непустой
   *   3. paymentMethod is one of PAYMENT_METHODS              → 'INVALID_PAYMENT_METHOD'
   *      paymentMethod — один из PAYMENT_METHODS (see isPaymentMethod / см. isPaymentMethod)
   *   4. amount is a safe integer exactly equal to totalAmount → 'AMOUNT_MISMATCH'
   *      amount — безопасное целое, в точности равное totalAmount (money is in cents / деньги в центах)
   * Event / Событие: OrderPaid { paymentId, paymentMethod, amount }
   */
  pay(command: PayOrder): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Ships the order. / Отправка заказа.
   * Checks / Проверки:
   *   1. status is 'paid'              → 'INVALID_STATE'   (статус — 'paid')
   *   2. trackingNumber is not blank   → 'VALIDATION'      (trackingNumber непустой)
   *   3. carrier is not blank          → 'VALIDATION'      (carrier непустой)
   * Event / Событие: OrderShipped { trackingNumber, carrier }
   */
  ship(command: ShipOrder): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Marks the order delivered. / Доставка заказа.
   * Checks / Проверки:
   *   1. status is 'shipped'           → 'INVALID_STATE'   (статус — 'shipped')
   * Event / Событие: OrderDelivered { deliveredAt } — deliveredAt is the same moment as timestamp
   *   (read the clock once). / deliveredAt — тот же момент, что и timestamp (вызовите часы один раз).
   */
  deliver(command: DeliverOrder): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Cancels the order. / Отмена заказа.
   * Checks / Проверки:
   *   1. status is neither 'delivered' nor 'cancelled' → 'INVALID_STATE'
   *      статус — не 'delivered' и не 'cancelled'
   *   2. reason is not blank                            → 'VALIDATION'
   *      reason непустой
   * Event / Событие: OrderCancelled { reason, cancelledAt } — cancelledAt is the same moment as
   *   timestamp. / cancelledAt — тот же момент, что и timestamp.
   */
  cancel(command: CancelOrder): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /** Called once the uncommitted events are safely stored. */
  markCommitted(): void {
    this.uncommittedEvents.length = 0;
  }

  /**
   * The only place the state changes. `isNew` is false while replaying stored events.
   * Items are copied on the way in, so the state and the event never share an array.
   */
  private apply(event: OrderEvent, isNew = true): void {
    switch (event.type) {
      case 'OrderCreated':
        this.id = event.aggregateId;
        this.status = 'pending';
        this.customerId = event.customerId;
        this.items = copyItems(event.items);
        this.totalAmount = event.totalAmount;
        this.shippingAddress = event.shippingAddress;
        this.createdAt = event.timestamp;
        break;
      case 'OrderItemAdded': {
        const { productId, productName, quantity, unitPrice } = event;
        this.items = withItemAdded(this.items, { productId, productName, quantity, unitPrice });
        this.totalAmount = totalOf(this.items);
        break;
      }
      case 'OrderItemRemoved':
        this.items = withItemRemoved(this.items, event.productId, event.quantity);
        this.totalAmount = totalOf(this.items);
        break;
      case 'OrderAddressChanged':
        this.shippingAddress = event.newAddress;
        break;
      case 'OrderPaid':
        this.status = 'paid';
        this.paymentId = event.paymentId;
        this.paymentMethod = event.paymentMethod;
        this.paidAt = event.timestamp;
        break;
      case 'OrderShipped':
        this.status = 'shipped';
        this.trackingNumber = event.trackingNumber;
        this.carrier = event.carrier;
        this.shippedAt = event.timestamp;
        break;
      case 'OrderDelivered':
        this.status = 'delivered';
        this.deliveredAt = event.deliveredAt;
        break;
      case 'OrderCancelled':
        this.status = 'cancelled';
        this.cancelReason = event.reason;
        this.cancelledAt = event.cancelledAt;
        break;
    }
    this.version = event.version;
    if (isNew) this.uncommittedEvents.push(event);
  }
}

/** Checks one item line of CreateOrder or AddOrderItem. */
function checkItem(item: OrderItem, where: string): void {
  if (typeof item !== 'object' || item === null) throw new OrderError('VALIDATION', `${where} must be an item`);
  if (!isNonBlank(item.productId)) throw new OrderError('VALIDATION', `${where}: productId must not be blank`);
  if (!isNonBlank(item.productName)) throw new OrderError('VALIDATION', `${where}: productName must not be blank`);
  if (!isPositiveSafeInteger(item.quantity)) {
    throw new OrderError('VALIDATION', `${where}: quantity must be a positive whole number`);
  }
  if (!isPositiveSafeInteger(item.unitPrice)) {
    throw new OrderError('VALIDATION', `${where}: unitPrice must be a positive whole number of cents`);
  }
}

/** The items with one more line, refusing a second price for a product or a total too large to be exact. */
function checkedItemsWith(items: readonly OrderItem[], item: OrderItem, where: string): OrderItem[] {
  const existing = items.find((line) => line.productId === item.productId);
  if (existing && existing.unitPrice !== item.unitPrice) {
    throw new OrderError('VALIDATION', `${where}: product ${item.productId} is already in the order at another price`);
  }
  const { productId, productName, quantity, unitPrice } = item;
  const merged = withItemAdded(items, { productId, productName, quantity, unitPrice });
  if (!Number.isSafeInteger(totalOf(merged))) throw new OrderError('VALIDATION', `${where}: order total is too large`);
  return merged;
}

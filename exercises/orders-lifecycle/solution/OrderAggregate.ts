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

  pay(command: PayOrder): void {
    if (this.status !== 'pending') {
      throw new OrderError('INVALID_STATE', `Only a pending order can be paid (it is ${this.status})`);
    }
    if (!isNonBlank(command.paymentId)) throw new OrderError('VALIDATION', 'paymentId must not be blank');
    if (!isPaymentMethod(command.paymentMethod)) {
      throw new OrderError('INVALID_PAYMENT_METHOD', `Unknown payment method: ${String(command.paymentMethod)}`);
    }
    // Strict equality on a safe integer: "2800" (a string) or 2800.4 must never pass for 2800.
    if (!Number.isSafeInteger(command.amount) || command.amount !== this.totalAmount) {
      throw new OrderError('AMOUNT_MISMATCH', `Paid ${String(command.amount)}, but the order total is ${this.totalAmount}`);
    }

    this.apply({
      type: 'OrderPaid',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: this.clock(),
      paymentId: command.paymentId,
      paymentMethod: command.paymentMethod,
      amount: command.amount,
    });
  }

  ship(command: ShipOrder): void {
    if (this.status !== 'paid') {
      throw new OrderError('INVALID_STATE', `Only a paid order can be shipped (it is ${this.status})`);
    }
    if (!isNonBlank(command.trackingNumber)) throw new OrderError('VALIDATION', 'trackingNumber must not be blank');
    if (!isNonBlank(command.carrier)) throw new OrderError('VALIDATION', 'carrier must not be blank');

    this.apply({
      type: 'OrderShipped',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: this.clock(),
      trackingNumber: command.trackingNumber,
      carrier: command.carrier,
    });
  }

  deliver(_command: DeliverOrder): void {
    if (this.status !== 'shipped') {
      throw new OrderError('INVALID_STATE', `Only a shipped order can be delivered (it is ${this.status})`);
    }

    // Read the clock once: the delivery time and the event's timestamp are the same moment.
    const now = this.clock();
    this.apply({
      type: 'OrderDelivered',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: now,
      deliveredAt: now,
    });
  }

  cancel(command: CancelOrder): void {
    if (this.status === 'delivered' || this.status === 'cancelled') {
      throw new OrderError('INVALID_STATE', `A ${this.status} order cannot be cancelled`);
    }
    if (!isNonBlank(command.reason)) throw new OrderError('VALIDATION', 'reason must not be blank');

    const now = this.clock();
    this.apply({
      type: 'OrderCancelled',
      aggregateId: this.id,
      version: this.version + 1,
      timestamp: now,
      reason: command.reason,
      cancelledAt: now,
    });
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

// The order's rules as one function: given a command, the current state and a clock, return the
// events to record or throw an OrderError. The first failing check wins. The clock is read only
// once a command is accepted (once per event), so with a fixed clock decide is pure.
import type {
  AddOrderItem,
  CancelOrder,
  ChangeOrderAddress,
  CreateOrder,
  DeliverOrder,
  OrderCommand,
  PayOrder,
  RemoveOrderItem,
  ShipOrder,
} from './commands';
import { isNonBlank, isPositiveSafeInteger } from './checks';
import type { Clock } from './clock';
import { OrderError } from './errors';
import { isPaymentMethod, type OrderEvent, type OrderItem } from './events';
import { copyItems, quantityOf, totalOf, withItemAdded } from './items';
import type { OrderState } from './state';

export function decide(command: OrderCommand, state: OrderState, clock: Clock): OrderEvent[] {
  if (command.type !== 'CreateOrder' && state.version === 0) {
    throw new OrderError('NOT_FOUND', `Order ${String(command.orderId)} does not exist`);
  }
  switch (command.type) {
    case 'CreateOrder':
      return [createOrder(command.orderId, command, state, clock)];
    case 'AddOrderItem':
      return [addItem(command, state, clock)];
    case 'RemoveOrderItem':
      return [removeItem(command, state, clock)];
    case 'ChangeOrderAddress':
      return [changeAddress(command, state, clock)];
    case 'PayOrder':
      return [pay(command, state, clock)];
    case 'ShipOrder':
      return [ship(command, state, clock)];
    case 'DeliverOrder':
      return [deliver(command, state, clock)];
    case 'CancelOrder':
      return [cancel(command, state, clock)];
    default: {
      const unknownCommand: never = command;
      throw new OrderError('VALIDATION', `Unknown command type: ${String((unknownCommand as { type?: unknown }).type)}`);
    }
  }
}

/** Envelope fields of the next event for this order: call only after every check passed. */
function next(state: OrderState, clock: Clock) {
  return { aggregateId: state.id, version: state.version + 1, timestamp: clock() };
}

/** Validates one item line; shared by CreateOrder and AddOrderItem. */
function checkItem(item: Partial<OrderItem> | undefined, where: string): asserts item is OrderItem {
  if (!item || typeof item !== 'object') throw new OrderError('VALIDATION', `${where} must be an item`);
  if (!isNonBlank(item.productId)) throw new OrderError('VALIDATION', `${where}: productId must not be blank`);
  if (!isNonBlank(item.productName)) throw new OrderError('VALIDATION', `${where}: productName must not be blank`);
  if (!isPositiveSafeInteger(item.quantity)) {
    throw new OrderError('VALIDATION', `${where}: quantity must be a positive whole number`);
  }
  if (!isPositiveSafeInteger(item.unitPrice)) {
    throw new OrderError('VALIDATION', `${where}: unitPrice must be a positive whole number of cents`);
  }
}

/** Adds a line, refusing a second price for the same product and a total money cannot hold exactly. */
function addChecked(items: readonly OrderItem[], item: OrderItem, where: string): OrderItem[] {
  const existing = items.find((line) => line.productId === item.productId);
  if (existing && existing.unitPrice !== item.unitPrice) {
    throw new OrderError('VALIDATION', `${where}: product ${item.productId} is already in the order at another price`);
  }
  const merged = withItemAdded(items, item);
  if (!Number.isSafeInteger(totalOf(merged))) throw new OrderError('VALIDATION', `${where}: order total is too large`);
  return merged;
}

function createOrder(orderId: string | undefined, command: CreateOrder, state: OrderState, clock: Clock): OrderEvent {
  if (state.version !== 0) throw new OrderError('INVALID_STATE', `Order ${state.id} already exists`);
  if (!isNonBlank(orderId)) throw new OrderError('VALIDATION', 'orderId must not be blank');
  if (!isNonBlank(command.customerId)) throw new OrderError('VALIDATION', 'customerId must not be blank');
  if (!Array.isArray(command.items)) throw new OrderError('VALIDATION', 'items must be a list');
  if (!isNonBlank(command.shippingAddress)) throw new OrderError('VALIDATION', 'shippingAddress must not be blank');
  let items: OrderItem[] = [];
  command.items.forEach((item, index) => {
    checkItem(item, `items[${index}]`);
    items = addChecked(items, pickItem(item), `items[${index}]`);
  });
  return {
    type: 'OrderCreated',
    aggregateId: orderId,
    version: 1,
    timestamp: clock(),
    customerId: command.customerId,
    items: copyItems(items),
    totalAmount: totalOf(items),
    shippingAddress: command.shippingAddress,
  };
}

/** Keeps only an item's own fields, so stray properties never reach an event. */
function pickItem({ productId, productName, quantity, unitPrice }: OrderItem): OrderItem {
  return { productId, productName, quantity, unitPrice };
}

function addItem(command: AddOrderItem, state: OrderState, clock: Clock): OrderEvent {
  if (state.status !== 'pending') throw new OrderError('INVALID_STATE', `Items can be added only to a pending order (it is ${state.status})`);
  checkItem(command, 'item');
  addChecked(state.items, pickItem(command), 'item');
  const { productId, productName, quantity, unitPrice } = command;
  return { type: 'OrderItemAdded', ...next(state, clock), productId, productName, quantity, unitPrice };
}

function removeItem(command: RemoveOrderItem, state: OrderState, clock: Clock): OrderEvent {
  if (state.status !== 'pending') throw new OrderError('INVALID_STATE', `Items can be removed only from a pending order (it is ${state.status})`);
  if (!isNonBlank(command.productId)) throw new OrderError('VALIDATION', 'productId must not be blank');
  if (!isPositiveSafeInteger(command.quantity)) throw new OrderError('VALIDATION', 'quantity must be a positive whole number');
  const held = quantityOf(state.items, command.productId);
  if (held === 0) throw new OrderError('VALIDATION', `Product ${command.productId} is not in the order`);
  if (command.quantity > held) throw new OrderError('VALIDATION', `Cannot remove ${command.quantity}: the order holds ${held}`);
  return { type: 'OrderItemRemoved', ...next(state, clock), productId: command.productId, quantity: command.quantity };
}

function changeAddress(command: ChangeOrderAddress, state: OrderState, clock: Clock): OrderEvent {
  if (state.status === 'shipped' || state.status === 'delivered') {
    throw new OrderError('INVALID_STATE', `The address cannot change once the order is ${state.status}`);
  }
  if (!isNonBlank(command.newAddress)) throw new OrderError('VALIDATION', 'newAddress must not be blank');
  return { type: 'OrderAddressChanged', ...next(state, clock), newAddress: command.newAddress };
}

function pay(command: PayOrder, state: OrderState, clock: Clock): OrderEvent {
  if (state.status !== 'pending') throw new OrderError('INVALID_STATE', `Only a pending order can be paid (it is ${state.status})`);
  if (!isNonBlank(command.paymentId)) throw new OrderError('VALIDATION', 'paymentId must not be blank');
  if (!isPaymentMethod(command.paymentMethod)) {
    throw new OrderError('INVALID_PAYMENT_METHOD', `Unknown payment method: ${String(command.paymentMethod)}`);
  }
  if (!Number.isSafeInteger(command.amount) || command.amount !== state.totalAmount) {
    throw new OrderError('AMOUNT_MISMATCH', `Paid ${String(command.amount)} but the order total is ${state.totalAmount}`);
  }
  const { paymentId, paymentMethod, amount } = command;
  return { type: 'OrderPaid', ...next(state, clock), paymentId, paymentMethod, amount };
}

function ship(command: ShipOrder, state: OrderState, clock: Clock): OrderEvent {
  if (state.status !== 'paid') throw new OrderError('INVALID_STATE', `Only a paid order can be shipped (it is ${state.status})`);
  if (!isNonBlank(command.trackingNumber)) throw new OrderError('VALIDATION', 'trackingNumber must not be blank');
  if (!isNonBlank(command.carrier)) throw new OrderError('VALIDATION', 'carrier must not be blank');
  const { trackingNumber, carrier } = command;
  return { type: 'OrderShipped', ...next(state, clock), trackingNumber, carrier };
}

function deliver(_command: DeliverOrder, state: OrderState, clock: Clock): OrderEvent {
  if (state.status !== 'shipped') throw new OrderError('INVALID_STATE', `Only a shipped order can be delivered (it is ${state.status})`);
  const envelope = next(state, clock);
  return { type: 'OrderDelivered', ...envelope, deliveredAt: envelope.timestamp };
}

function cancel(command: CancelOrder, state: OrderState, clock: Clock): OrderEvent {
  if (state.status === 'delivered' || state.status === 'cancelled') {
    throw new OrderError('INVALID_STATE', `A ${state.status} order cannot be cancelled`);
  }
  if (!isNonBlank(command.reason)) throw new OrderError('VALIDATION', 'reason must not be blank');
  const envelope = next(state, clock);
  return { type: 'OrderCancelled', ...envelope, reason: command.reason, cancelledAt: envelope.timestamp };
}

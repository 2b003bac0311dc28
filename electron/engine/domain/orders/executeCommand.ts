// Routes a tagged command to the matching method of any object shaped like an OrderAggregate,
// so handlers and tests work with the reference aggregate and a student's alike.
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
import type { Clock } from './clock';
import type { OrderEvent } from './events';

export interface OrderAggregateLike {
  readonly id: string;
  readonly version: number;
  readonly uncommittedEvents: readonly OrderEvent[];
  addItem(command: AddOrderItem): void;
  removeItem(command: RemoveOrderItem): void;
  changeAddress(command: ChangeOrderAddress): void;
  pay(command: PayOrder): void;
  ship(command: ShipOrder): void;
  deliver(command: DeliverOrder): void;
  cancel(command: CancelOrder): void;
}

/** The static side of an aggregate class: how to start one and how to rebuild one. */
export interface OrderAggregateFactory<A extends OrderAggregateLike = OrderAggregateLike> {
  create(orderId: string, command: CreateOrder, clock: Clock): A;
  fromEvents(events: readonly OrderEvent[], clock: Clock): A;
}

/** Runs a non-creating command on an existing order. */
export function executeCommand(order: OrderAggregateLike, command: Exclude<OrderCommand, { type: 'CreateOrder' }>): void {
  switch (command.type) {
    case 'AddOrderItem': return order.addItem(command);
    case 'RemoveOrderItem': return order.removeItem(command);
    case 'ChangeOrderAddress': return order.changeAddress(command);
    case 'PayOrder': return order.pay(command);
    case 'ShipOrder': return order.ship(command);
    case 'DeliverOrder': return order.deliver(command);
    case 'CancelOrder': return order.cancel(command);
  }
}

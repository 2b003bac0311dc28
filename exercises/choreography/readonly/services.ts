// What a service is given, which events each one subscribes to, and the one command that starts a
// checkout. There is no coordinator: each service reacts to events on the bus and publishes its own.
// All four services run in one process here, so `world` holds everybody's data; in production each
// would own a database the others cannot reach. A service touches only its own part of the world.
import type { Publisher, ServiceName } from './bus';
import type { Ids, Inbox, Orders, Shipments, Wallets, Warehouse } from './data';
import type { EventType, OrderLine, ShopEvent } from './events';

export interface World {
  wallets: Wallets;
  warehouse: Warehouse;
  shipments: Shipments;
  orders: Orders;
}

export interface ServiceContext {
  /** Publishes as this service. */
  bus: Publisher;
  ids: Ids;
  /** This service's own inbox of handled event ids. */
  inbox: Inbox;
  world: World;
}

/** A service reacts to the events it subscribed to. */
export interface Service {
  handle(event: ShopEvent): void;
}

/** Which events reach which service. */
export const SUBSCRIPTIONS: Record<ServiceName, readonly EventType[]> = {
  payment: ['OrderPlaced', 'StockUnavailable'],
  stock: ['OrderPlaced', 'PaymentCaptured'],
  shipping: ['StockReserved'],
  order: ['ShipmentScheduled', 'PaymentDeclined', 'PaymentRefunded'],
};

export interface PlaceOrder {
  orderId: string;
  customerId: string;
  /** Whole cents. */
  amount: number;
  lines: OrderLine[];
}

/**
 * The order service's command: saves the order as placed and publishes OrderPlaced, which starts a new
 * process (a new correlation id, no cause). Returns the event.
 */
export function placeOrder(context: ServiceContext, command: PlaceOrder): ShopEvent {
  context.world.orders.place(command.orderId);
  const event: ShopEvent = {
    type: 'OrderPlaced',
    eventId: context.ids.next('evt'),
    correlationId: context.ids.next('checkout'),
    causationId: null,
    data: { orderId: command.orderId, customerId: command.customerId, amount: command.amount, lines: command.lines.map((line) => ({ ...line })) },
  };
  context.bus.publish(event);
  return event;
}

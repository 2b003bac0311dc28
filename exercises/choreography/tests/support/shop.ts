// A shop for each test: the bus, each service's data, the four services wired to the bus by
// SUBSCRIPTIONS, and helpers to place an order, run the bus, and read what happened: the events of
// one order as a chain (type, publisher, correlation, causation), checked with a failure that shows it.
import { sameOrFail, say } from '@engine/testing/givenWhenThen';
import { EventBus, type ServiceName } from '@workspace/bus';
import { OrderService, PaymentService, ShippingService, StockService } from '@workspace/choreography';
import { Ids, Inbox, Orders, Shipments, Wallets, Warehouse } from '@workspace/data';
import type { EventType, ShopEvent } from '@workspace/events';
import { placeOrder, SUBSCRIPTIONS, type PlaceOrder, type Service, type ServiceContext, type World } from '@workspace/services';

export interface TestShop {
  bus: EventBus;
  world: World;
  ids: Ids;
  /** Places an order (as the order service's command does) and delivers everything that follows. */
  place(command: PlaceOrder): ShopEvent;
}

export const MUG_ORDER: PlaceOrder = { orderId: 'o-1', customerId: 'ann', amount: 3000, lines: [{ sku: 'mug', quantity: 2 }, { sku: 'tea', quantity: 1 }] };

export function newShop({ balances = { ann: 10_000, bob: 500 }, shelf = { mug: 5, tea: 5 } }: { balances?: Record<string, number>; shelf?: Record<string, number> } = {}): TestShop {
  const bus = new EventBus();
  const ids = new Ids();
  const world: World = { wallets: new Wallets(balances), warehouse: new Warehouse(shelf), shipments: new Shipments(), orders: new Orders() };
  const contextOf = (service: ServiceName | null): ServiceContext => ({ bus: bus.publisherFor(service), ids, inbox: new Inbox(), world });
  const services: Record<ServiceName, Service> = {
    payment: new PaymentService(contextOf('payment')),
    stock: new StockService(contextOf('stock')),
    shipping: new ShippingService(contextOf('shipping')),
    order: new OrderService(contextOf('order')),
  };
  for (const name of Object.keys(SUBSCRIPTIONS) as ServiceName[]) bus.subscribe(name, SUBSCRIPTIONS[name], (event) => services[name].handle(event));
  const commands = { ...contextOf('order') };
  return {
    bus,
    world,
    ids,
    place(command) {
      const event = placeOrder(commands, command);
      bus.deliverAll();
      return event;
    },
  };
}

/** One link of an order's chain of events. */
export interface Link {
  type: EventType;
  by: ServiceName | null;
}

/** The events published about one order, in order, as type and publisher. */
export function chainOf(shop: TestShop, orderId: string): Link[] {
  return shop.bus.log.filter(({ event }) => event.data.orderId === orderId).map(({ by, event }) => ({ type: event.type, by }));
}

/** The order's events are exactly these, published by these services. */
export function expectChain(shop: TestShop, orderId: string, expected: Link[], after: string): void {
  const actual = chainOf(shop, orderId);
  const should = expected.map((link) => link.type).join(' → ');
  const went = actual.map((link) => link.type).join(' → ');
  const message = say(
    `after ${after}, order ${orderId} should go through ${should}, but it went through ${went || 'nothing'}`,
    `после шага «${after}» заказ ${orderId} должен пройти ${should}, а прошёл ${went || 'ничего'}`,
  );
  sameOrFail(actual, expected, message, {
    given: [],
    command: after,
    expected_events: expected,
    actual_events: shop.bus.log.filter(({ event }) => event.data.orderId === orderId),
  });
}

export const HAPPY_CHAIN: Link[] = [
  { type: 'OrderPlaced', by: 'order' },
  { type: 'PaymentCaptured', by: 'payment' },
  { type: 'StockReserved', by: 'stock' },
  { type: 'ShipmentScheduled', by: 'shipping' },
  { type: 'OrderConfirmed', by: 'order' },
];

/** The events of one order, as published. */
export function eventsOf(shop: TestShop, orderId: string): ShopEvent[] {
  return shop.bus.log.filter(({ event }) => event.data.orderId === orderId).map(({ event }) => event);
}

/** The published event of this type for this order (the first one). */
export function eventOf(shop: TestShop, orderId: string, type: EventType): ShopEvent | undefined {
  return eventsOf(shop, orderId).find((event) => event.type === type);
}

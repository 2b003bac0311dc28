// The order as an object: a friendly face over the pure decide/evolve pair. Command methods
// ask `decide` for events and record them through `apply`, which evolves the state.
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
import { systemClock, type Clock } from './clock';
import { decide } from './decide';
import type { Money, OrderEvent, OrderItem, OrderStatus, PaymentMethod } from './events';
import { evolve } from './evolve';
import { copyItems } from './items';
import { initialState, type OrderState } from './state';

export class OrderAggregate {
  private state: OrderState = initialState();
  private readonly pending: OrderEvent[] = [];

  private constructor(private readonly clock: Clock) {}

  /** Starts a new order: records `OrderCreated` as its first event. */
  static create(orderId: string, command: CreateOrder, clock: Clock = systemClock): OrderAggregate {
    const order = new OrderAggregate(clock);
    order.execute({ ...command, type: 'CreateOrder', orderId });
    return order;
  }

  /** Rebuilds an order from its history; nothing is left uncommitted. */
  static fromEvents(events: readonly OrderEvent[], clock: Clock = systemClock): OrderAggregate {
    const order = new OrderAggregate(clock);
    for (const event of events) order.apply(event, false);
    return order;
  }

  get id(): string { return this.state.id; }
  get version(): number { return this.state.version; }
  get status(): OrderStatus { return this.state.status; }
  get customerId(): string { return this.state.customerId; }
  /** A copy: changing it never changes the order or any event. */
  get items(): OrderItem[] { return copyItems(this.state.items); }
  get totalAmount(): Money { return this.state.totalAmount; }
  get shippingAddress(): string { return this.state.shippingAddress; }
  get paymentId(): string | null { return this.state.paymentId; }
  get paymentMethod(): PaymentMethod | null { return this.state.paymentMethod; }
  get trackingNumber(): string | null { return this.state.trackingNumber; }
  get carrier(): string | null { return this.state.carrier; }
  get createdAt(): string | null { return this.state.createdAt; }
  get paidAt(): string | null { return this.state.paidAt; }
  get shippedAt(): string | null { return this.state.shippedAt; }
  get deliveredAt(): string | null { return this.state.deliveredAt; }
  get cancelledAt(): string | null { return this.state.cancelledAt; }
  get cancelReason(): string | null { return this.state.cancelReason; }

  /** Events recorded since the order was loaded, oldest first. */
  get uncommittedEvents(): readonly OrderEvent[] { return this.pending; }

  /** A plain copy of the state, e.g. for a read model or a test. */
  toState(): OrderState { return { ...this.state, items: copyItems(this.state.items) }; }

  /** Called once the uncommitted events are safely stored. */
  markCommitted(): void { this.pending.length = 0; }

  addItem(command: AddOrderItem): void { this.execute({ ...command, type: 'AddOrderItem' }); }
  removeItem(command: RemoveOrderItem): void { this.execute({ ...command, type: 'RemoveOrderItem' }); }
  changeAddress(command: ChangeOrderAddress): void { this.execute({ ...command, type: 'ChangeOrderAddress' }); }
  pay(command: PayOrder): void { this.execute({ ...command, type: 'PayOrder' }); }
  ship(command: ShipOrder): void { this.execute({ ...command, type: 'ShipOrder' }); }
  deliver(command: DeliverOrder): void { this.execute({ ...command, type: 'DeliverOrder' }); }
  cancel(command: CancelOrder): void { this.execute({ ...command, type: 'CancelOrder' }); }

  private execute(command: OrderCommand): void {
    // decide throws before anything is applied, so a refused command leaves no trace.
    for (const event of decide(command, this.state, this.clock)) this.apply(event);
  }

  /** The one place state changes: evolve by the event, and remember it if it is new. */
  apply(event: OrderEvent, isNew = true): void {
    this.state = evolve(this.state, event);
    if (isNew) this.pending.push(event);
  }
}

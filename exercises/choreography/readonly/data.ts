// Each service's own data: the payment service's wallets and payments, the stock service's warehouse,
// the shipping service's shipments, the order service's orders; plus the inbox every service keeps of
// the events it has handled, and the id source. A service's data can be "down" (its database is not
// reachable): then every call to it throws ServiceDown. Nothing here guards against a repeat: calling
// charge or reserve twice does it twice.
import type { OrderLine } from './events';

export class ServiceDown extends Error {
  constructor(readonly service: string) {
    super(`the ${service} service's data is not reachable`);
    this.name = 'ServiceDown';
  }
}

/** Something that can be down. */
abstract class Reachable {
  down = false;
  protected abstract readonly service: string;
  protected check(): void {
    if (this.down) throw new ServiceDown(this.service);
  }
}

export interface Payment {
  paymentId: string;
  orderId: string;
  customerId: string;
  amount: number;
  refunded: boolean;
}

/** The payment service's data: customers' balances (whole cents) and the payments taken. */
export class Wallets extends Reachable {
  protected readonly service = 'payment';
  private readonly balances = new Map<string, number>();
  private readonly payments: Payment[] = [];

  constructor(balances: Record<string, number> = {}) {
    super();
    for (const [customerId, balance] of Object.entries(balances)) this.balances.set(customerId, balance);
  }

  balance(customerId: string): number {
    this.check();
    return this.balances.get(customerId) ?? 0;
  }

  /** Takes `amount` from the customer and records the payment; false (and nothing changes) when the balance is short. */
  charge(paymentId: string, orderId: string, customerId: string, amount: number): boolean {
    this.check();
    const balance = this.balances.get(customerId) ?? 0;
    if (balance < amount) return false;
    this.balances.set(customerId, balance - amount);
    this.payments.push({ paymentId, orderId, customerId, amount, refunded: false });
    return true;
  }

  /** The latest payment taken for an order, if any. */
  paymentFor(orderId: string): Payment | undefined {
    this.check();
    const payment = this.payments.filter((candidate) => candidate.orderId === orderId).at(-1);
    return payment && { ...payment };
  }

  /** Gives a payment's amount back to the customer (every call gives it back again). */
  refund(paymentId: string): void {
    this.check();
    const payment = this.payments.find((candidate) => candidate.paymentId === paymentId);
    if (!payment) throw new Error(`no payment ${paymentId}`);
    this.balances.set(payment.customerId, (this.balances.get(payment.customerId) ?? 0) + payment.amount);
    payment.refunded = true;
  }

  /** How many payments were taken (refunded ones included). */
  paymentCount(): number {
    this.check();
    return this.payments.length;
  }
}

/** The stock service's data: units on the shelf per SKU, the lines of orders it heard of, reservations. */
export class Warehouse extends Reachable {
  protected readonly service = 'stock';
  private readonly shelf = new Map<string, number>();
  private readonly orderLines = new Map<string, OrderLine[]>();
  /** Order ids, one entry per reservation made. */
  readonly reservations: string[] = [];

  constructor(shelf: Record<string, number> = {}) {
    super();
    for (const [sku, units] of Object.entries(shelf)) this.shelf.set(sku, units);
  }

  onShelf(sku: string): number {
    this.check();
    return this.shelf.get(sku) ?? 0;
  }

  /** Keeps an order's lines until it is paid (the stock service's own copy). */
  rememberLines(orderId: string, lines: OrderLine[]): void {
    this.check();
    this.orderLines.set(orderId, lines.map((line) => ({ ...line })));
  }

  linesOf(orderId: string): OrderLine[] | undefined {
    this.check();
    return this.orderLines.get(orderId)?.map((line) => ({ ...line }));
  }

  /**
   * Takes every line off the shelf, or none: returns null when all were reserved, else the first SKU
   * short of units (and the shelf is unchanged).
   */
  reserve(orderId: string, lines: OrderLine[]): string | null {
    this.check();
    const short = lines.find((line) => (this.shelf.get(line.sku) ?? 0) < line.quantity);
    if (short) return short.sku;
    for (const line of lines) this.shelf.set(line.sku, (this.shelf.get(line.sku) ?? 0) - line.quantity);
    this.reservations.push(orderId);
    return null;
  }
}

/** The shipping service's data. */
export class Shipments extends Reachable {
  protected readonly service = 'shipping';
  readonly scheduled: { shipmentId: string; orderId: string }[] = [];

  schedule(shipmentId: string, orderId: string): void {
    this.check();
    this.scheduled.push({ shipmentId, orderId });
  }
}

export type OrderStatus = 'placed' | 'confirmed' | 'cancelled';

/** The order service's data. */
export class Orders extends Reachable {
  protected readonly service = 'order';
  private readonly orders = new Map<string, { status: OrderStatus; reason: string | null }>();

  place(orderId: string): void {
    this.check();
    this.orders.set(orderId, { status: 'placed', reason: null });
  }

  confirm(orderId: string): void {
    this.check();
    this.orders.set(orderId, { status: 'confirmed', reason: null });
  }

  cancel(orderId: string, reason: string): void {
    this.check();
    this.orders.set(orderId, { status: 'cancelled', reason });
  }

  statusOf(orderId: string): { status: OrderStatus; reason: string | null } | undefined {
    this.check();
    const order = this.orders.get(orderId);
    return order && { ...order };
  }
}

/** The ids of the events a service has handled: a repeat of one of them is to be ignored. */
export class Inbox {
  private readonly handled = new Set<string>();

  has(eventId: string): boolean {
    return this.handled.has(eventId);
  }

  add(eventId: string): void {
    this.handled.add(eventId);
  }
}

/** Hands out ids, `<prefix>-1`, `<prefix>-2`, …, numbered per prefix, so tests are repeatable. */
export class Ids {
  private readonly counters = new Map<string, number>();

  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }
}

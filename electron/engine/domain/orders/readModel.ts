// The query side: order summaries and details kept up to date from the store's global log.
// In memory and rebuilt by replay on start; `position` is how far into the log it has read.
import type { EventStore, RecordedEvent } from '../../store';
import { OrderError } from './errors';
import { ORDER_EVENT_TYPES, type Money, type OrderEvent, type OrderItem, type OrderStatus, type PaymentMethod } from './events';
import { evolve } from './evolve';
import { copyItems } from './items';
import { initialState, type OrderState } from './state';
import { fromRecordedEvent, isOrderStream } from './storedEvents';

export interface OrderSummary {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  totalAmount: Money;
  /** Number of item lines (distinct products). */
  itemCount: number;
  createdAt: string;
}

export interface OrderDetails {
  orderId: string;
  version: number;
  customerId: string;
  status: OrderStatus;
  items: OrderItem[];
  totalAmount: Money;
  shippingAddress: string;
  paymentId: string | null;
  paymentMethod: PaymentMethod | null;
  trackingNumber: string | null;
  carrier: string | null;
  createdAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface ListOrders {
  customerId?: string;
  status?: OrderStatus;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface OrderPage {
  orders: OrderSummary[];
  /** Matching orders on all pages. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export const MAX_PAGE_SIZE = 100;

/** The questions every order read model answers, whatever keeps its rows. */
export interface OrderQueries {
  getSummary(orderId: string): OrderSummary | undefined;
  getDetails(orderId: string): OrderDetails | undefined;
  listOrders(query: ListOrders): OrderPage;
}

/** Refuses paging a caller could not have meant: pages count from 1, at most MAX_PAGE_SIZE per page. */
export function checkListOrders({ page, pageSize }: ListOrders): void {
  if (!Number.isSafeInteger(page) || page < 1) throw new OrderError('VALIDATION', 'page must be a whole number from 1');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new OrderError('VALIDATION', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
}

export function toDetails(state: OrderState): OrderDetails {
  const { id, createdAt, items, ...rest } = state;
  return { ...rest, orderId: id, createdAt: createdAt ?? '', items: copyItems(items) };
}

export function toSummary(state: OrderState): OrderSummary {
  return {
    orderId: state.id,
    customerId: state.customerId,
    status: state.status,
    totalAmount: state.totalAmount,
    itemCount: state.items.length,
    createdAt: state.createdAt ?? '',
  };
}

export class OrderReadModel implements OrderQueries {
  private readonly orders = new Map<string, OrderState>();
  private lastPosition = 0;

  /** Global position of the last stored event this model has seen. */
  get position(): number {
    return this.lastPosition;
  }

  /** Applies one order event. Redelivered or older versions are ignored, so at-least-once feeds are safe. */
  apply(event: OrderEvent): void {
    const current = this.orders.get(event.aggregateId) ?? initialState();
    if (event.version <= current.version) return;
    this.orders.set(event.aggregateId, evolve(current, event));
  }

  applyRecorded(recorded: RecordedEvent): void {
    if (recorded.globalPosition <= this.lastPosition) return;
    if (isOrderStream(recorded.streamId)) this.apply(fromRecordedEvent(recorded));
    this.lastPosition = recorded.globalPosition;
  }

  /** Reads every order event the model has not seen yet; returns how many it applied. */
  catchUp(store: Pick<EventStore, 'readAll'>, batchSize = 500): number {
    let applied = 0;
    for (;;) {
      const batch = store.readAll({ after: this.lastPosition, maxCount: batchSize, types: [...ORDER_EVENT_TYPES] });
      if (batch.length === 0) return applied;
      for (const recorded of batch) this.applyRecorded(recorded);
      applied += batch.length;
    }
  }

  /** Catches up now and again after every append to the store; returns a function that stops following. */
  follow(store: Pick<EventStore, 'readAll' | 'onAppended'>): () => void {
    this.catchUp(store);
    return store.onAppended(() => this.catchUp(store));
  }

  getSummary(orderId: string): OrderSummary | undefined {
    const state = this.orders.get(orderId);
    return state ? toSummary(state) : undefined;
  }

  getDetails(orderId: string): OrderDetails | undefined {
    const state = this.orders.get(orderId);
    return state ? toDetails(state) : undefined;
  }

  /** Newest orders first (ties by id), filtered by customer and/or status, one page at a time. */
  listOrders(query: ListOrders): OrderPage {
    checkListOrders(query);
    const { customerId, status, page, pageSize } = query;
    const matching = [...this.orders.values()]
      .filter((order) => customerId === undefined || order.customerId === customerId)
      .filter((order) => status === undefined || order.status === status)
      .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.id.localeCompare(b.id));
    const start = (page - 1) * pageSize;
    return {
      orders: matching.slice(start, start + pageSize).map(toSummary),
      total: matching.length,
      page,
      pageSize,
      pageCount: Math.ceil(matching.length / pageSize),
    };
  }
}

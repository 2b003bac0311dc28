// The read side's rows and questions. Rows are built only from events; queries only read rows.
import { QueryError } from './errors';
import type { Money, OrderItem, OrderStatus, PaymentMethod } from './events';

/** One line of an order list. */
export interface OrderSummary {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  totalAmount: Money;
  /** Number of item lines (distinct products), not the number of units. */
  itemCount: number;
  /** The OrderCreated event's timestamp. */
  createdAt: string;
}

/** Everything known about one order. Fields that no event has set yet are null. */
export interface OrderDetails {
  orderId: string;
  /** Version of the last event applied to this row. */
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
  /** Only this customer's orders (exact match). */
  customerId?: string;
  /** Only orders in this status. */
  status?: OrderStatus;
  /** 1-based page number. */
  page: number;
  /** Rows per page, 1 to MAX_PAGE_SIZE. */
  pageSize: number;
}

export interface OrderPage {
  orders: OrderSummary[];
  /** How many orders match the filters on all pages together. */
  total: number;
  page: number;
  pageSize: number;
  /** ceil(total / pageSize); 0 when nothing matches. */
  pageCount: number;
}

export const MAX_PAGE_SIZE = 100;

/** Refuses paging a caller cannot have meant. Throws QueryError('VALIDATION'). */
export function checkListOrders(query: ListOrders): void {
  const { page, pageSize } = query;
  if (!Number.isSafeInteger(page) || page < 1) throw new QueryError('VALIDATION', 'page must be a whole number from 1');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new QueryError('VALIDATION', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
}

/** Newest order first; orders created at the same moment by id, in plain string order. */
export function newestFirst(a: OrderSummary, b: OrderSummary): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;
}

// Arithmetic on an order's item lines. Every function returns new arrays and new item
// objects, so an event and the state built from it never share (and never co-mutate) items.
import type { Money, OrderItem } from './events';

export function copyItems(items: readonly OrderItem[]): OrderItem[] {
  return items.map((item) => ({ ...item }));
}

/** What the items cost together: the sum of quantity × unit price, in cents. */
export function totalOf(items: readonly OrderItem[]): Money {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

/** How many units of a product the order holds (0 when it holds none). */
export function quantityOf(items: readonly OrderItem[], productId: string): number {
  return items.find((item) => item.productId === productId)?.quantity ?? 0;
}

/** Adds units of a product: a product already in the order gets a bigger quantity, a new one a new line. */
export function withItemAdded(items: readonly OrderItem[], added: OrderItem): OrderItem[] {
  const exists = items.some((item) => item.productId === added.productId);
  if (!exists) return [...copyItems(items), { ...added }];
  return items.map((item) =>
    item.productId === added.productId ? { ...item, quantity: item.quantity + added.quantity } : { ...item },
  );
}

/** Takes units of a product away; the line disappears when none are left. */
export function withItemRemoved(items: readonly OrderItem[], productId: string, quantity: number): OrderItem[] {
  return items
    .map((item) => (item.productId === productId ? { ...item, quantity: item.quantity - quantity } : { ...item }))
    .filter((item) => item.quantity > 0);
}

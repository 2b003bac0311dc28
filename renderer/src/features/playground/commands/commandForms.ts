// The command forms as data: which fields each command has, their defaults, and the inline checks
// the form can make before sending (shape only: the domain's own rules answer with error codes).
import type { PaymentMethod } from '@common/orders';
import { formatMoney, type PlaygroundCommand } from '../playgroundStore';

export type CommandType = PlaygroundCommand['type'];
export const COMMAND_TYPES: CommandType[] = ['CreateOrder', 'AddOrderItem', 'RemoveOrderItem', 'ChangeOrderAddress', 'PayOrder', 'ShipOrder', 'DeliverOrder', 'CancelOrder'];

export type FieldKind = 'text' | 'int' | 'money' | 'payment';
export interface FieldSpec {
  name: string;
  kind: FieldKind;
}

export const FIELDS: Record<CommandType, FieldSpec[]> = {
  CreateOrder: [{ name: 'customerId', kind: 'text' }, { name: 'shippingAddress', kind: 'text' }],
  AddOrderItem: [{ name: 'productId', kind: 'text' }, { name: 'productName', kind: 'text' }, { name: 'quantity', kind: 'int' }, { name: 'unitPrice', kind: 'money' }],
  RemoveOrderItem: [{ name: 'productId', kind: 'text' }, { name: 'quantity', kind: 'int' }],
  ChangeOrderAddress: [{ name: 'newAddress', kind: 'text' }],
  PayOrder: [{ name: 'paymentId', kind: 'text' }, { name: 'paymentMethod', kind: 'payment' }, { name: 'amount', kind: 'money' }],
  ShipOrder: [{ name: 'trackingNumber', kind: 'text' }, { name: 'carrier', kind: 'text' }],
  DeliverOrder: [],
  CancelOrder: [{ name: 'reason', kind: 'text' }],
};

export interface ItemDraft {
  productId: string;
  productName: string;
  quantity: string;
  unitPrice: string;
}

/** The sample names, addresses and reasons a form starts with, in the reader's language (`pg:form.sample`). */
export interface SampleWords {
  customer: string;
  address: string;
  newAddress: string;
  keyboard: string;
  cable: string;
  mouse: string;
  reason: string;
}

export function defaultValues(type: CommandType, total: number | null, words: SampleWords): Record<string, string> {
  const n = Math.floor(Math.random() * 9000 + 1000);
  switch (type) {
    case 'CreateOrder': return { customerId: words.customer, shippingAddress: words.address };
    case 'AddOrderItem': return { productId: 'mouse-3', productName: words.mouse, quantity: '1', unitPrice: '19.90' };
    case 'RemoveOrderItem': return { productId: 'cab-2', quantity: '1' };
    case 'ChangeOrderAddress': return { newAddress: words.newAddress };
    case 'PayOrder': return { paymentId: `pay-${n}`, paymentMethod: 'credit_card', amount: total !== null ? formatMoney(total) : '' };
    case 'ShipOrder': return { trackingNumber: `TRK-${n}`, carrier: 'DHL' };
    case 'DeliverOrder': return {};
    case 'CancelOrder': return { reason: words.reason };
  }
}

export function defaultItems(words: SampleWords): ItemDraft[] {
  return [
    { productId: 'kbd-1', productName: words.keyboard, quantity: '1', unitPrice: '49.00' },
    { productId: 'cab-2', productName: words.cable, quantity: '2', unitPrice: '5.00' },
  ];
}

/** Inline check of one field: an i18n key of the problem, or null. */
export function checkField(kind: FieldKind, value: string): string | null {
  if (kind === 'int') return /^-?\d+$/.test(value.trim()) ? null : 'form.needInt';
  if (kind === 'money') return /^-?\d+(\.\d{1,2})?$/.test(value.trim()) ? null : 'form.needMoney';
  return null;
}

export function toCents(value: string): number {
  return Math.round(Number(value.trim()) * 100);
}

export function buildCommand(type: CommandType, orderId: string, values: Record<string, string>, items: ItemDraft[]): PlaygroundCommand {
  const v = (k: string) => values[k] ?? '';
  switch (type) {
    case 'CreateOrder':
      return {
        type,
        customerId: v('customerId'),
        shippingAddress: v('shippingAddress'),
        items: items.map((i) => ({ productId: i.productId, productName: i.productName, quantity: Number.parseInt(i.quantity, 10), unitPrice: toCents(i.unitPrice) })),
      };
    case 'AddOrderItem':
      return { type, orderId, productId: v('productId'), productName: v('productName'), quantity: Number.parseInt(v('quantity'), 10), unitPrice: toCents(v('unitPrice')) };
    case 'RemoveOrderItem':
      return { type, orderId, productId: v('productId'), quantity: Number.parseInt(v('quantity'), 10) };
    case 'ChangeOrderAddress':
      return { type, orderId, newAddress: v('newAddress') };
    case 'PayOrder':
      return { type, orderId, paymentId: v('paymentId'), paymentMethod: v('paymentMethod') as PaymentMethod, amount: toCents(v('amount')) };
    case 'ShipOrder':
      return { type, orderId, trackingNumber: v('trackingNumber'), carrier: v('carrier') };
    case 'DeliverOrder':
      return { type, orderId };
    case 'CancelOrder':
      return { type, orderId, reason: v('reason') };
  }
}

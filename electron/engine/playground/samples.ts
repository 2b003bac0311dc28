// The sample order the playground's scenarios, sagas and bulk load use, and its commands, in the
// student's language: the names and addresses a scenario writes into events are what the student
// then reads in the event store, so a Russian class gets Russian sample data (the commands' shape,
// ids and amounts are the same in both).
import type { OrderCommand } from '../domain/orders';
import { SAMPLE_ORDER_TEXTS } from '../common/sampleOrder';

export type SampleLanguage = 'ru' | 'en';

interface SampleTexts {
  customerId: string;
  address: string;
  keyboard: string;
  cable: string;
  mouse: string;
  /** Why the customer cancels in the cancel-after-payment scenario. */
  changedMind: string;
  /** Why a saga cancels the order it served: after a failed step, or (step null) aborted with no step named. */
  sagaCancel(sagaId: string, step: string | null): string;
}

const TEXTS: Record<SampleLanguage, SampleTexts> = {
  en: {
    ...SAMPLE_ORDER_TEXTS.en,
    changedMind: 'customer changed their mind',
    sagaCancel: (sagaId, step) => (step ? `saga ${sagaId}: ${step} failed` : `saga ${sagaId}: aborted`),
  },
  ru: {
    ...SAMPLE_ORDER_TEXTS.ru,
    changedMind: 'покупатель передумал',
    sagaCancel: (sagaId, step) => (step ? `сага ${sagaId}: шаг ${step} не удался` : `сага ${sagaId}: прервана`),
  },
};

export const SAMPLE_TOTAL = 5900;
/** The item the wrong-key scenario adds, and what it costs. */
export const SAMPLE_EXTRA_PRICE = 1500;

/** The sample commands in one language. */
export interface Samples {
  create(orderId: string, customerId?: string): OrderCommand;
  /** Pays the sample order in full; `ref` names the payment (the order id, or a saga's id). */
  pay(orderId: string, ref?: string): OrderCommand;
  /** Ships an order; `ref` names the tracking number (the order id, or a saga's id). */
  ship(orderId: string, ref?: string): OrderCommand;
  /** Adds one more item (a mouse) to the order. */
  addMouse(orderId: string): OrderCommand;
  /** The customer cancels. */
  cancelByCustomer(orderId: string): OrderCommand;
  /** A saga cancels the order after `step` failed. */
  cancelBySaga(orderId: string, sagaId: string, step: string | null): OrderCommand;
  /** create, pay, ship, deliver: one order's happy path. */
  happy(orderId: string): OrderCommand[];
}

export function samples(lang: SampleLanguage = 'en'): Samples {
  const t = TEXTS[lang];
  const self: Samples = {
    create: (orderId, customerId = t.customerId) => ({
      type: 'CreateOrder',
      orderId,
      customerId,
      shippingAddress: t.address,
      items: [
        { productId: 'kbd-1', productName: t.keyboard, quantity: 1, unitPrice: 4900 },
        { productId: 'cab-2', productName: t.cable, quantity: 2, unitPrice: 500 },
      ],
    }),
    pay: (orderId, ref = orderId) => ({ type: 'PayOrder', orderId, paymentId: `pay-${ref}`, paymentMethod: 'credit_card', amount: SAMPLE_TOTAL }),
    ship: (orderId, ref = orderId) => ({ type: 'ShipOrder', orderId, trackingNumber: `TRK-${ref}`, carrier: 'DHL' }),
    addMouse: (orderId) => ({ type: 'AddOrderItem', orderId, productId: 'mouse-3', productName: t.mouse, quantity: 1, unitPrice: SAMPLE_EXTRA_PRICE }),
    cancelByCustomer: (orderId) => ({ type: 'CancelOrder', orderId, reason: t.changedMind }),
    cancelBySaga: (orderId, sagaId, step) => ({ type: 'CancelOrder', orderId, reason: t.sagaCancel(sagaId, step) }),
    happy: (orderId) => [self.create(orderId), self.pay(orderId), self.ship(orderId), { type: 'DeliverOrder', orderId }],
  };
  return self;
}

/** The English sample order's happy path (tests and benchmarks). */
export const happyCommands = (orderId: string): OrderCommand[] => samples('en').happy(orderId);
/** The English sample order's CreateOrder (tests and benchmarks). */
export const sampleCreate = (orderId: string, customerId?: string): OrderCommand => samples('en').create(orderId, customerId);
/** The English sample order's PayOrder (tests and benchmarks). */
export const samplePay = (orderId: string, ref?: string): OrderCommand => samples('en').pay(orderId, ref);

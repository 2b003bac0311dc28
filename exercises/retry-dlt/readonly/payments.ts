// What the receipt consumer reads: `payments` records whose value is a PaymentCaptured event as JSON
// text. A value that is not valid JSON, or lacks a field, is a poison message: no retry can fix it.
// Что читает потребитель квитанций: записи топика `payments`, значение — событие PaymentCaptured в
// JSON. Значение, которое не разбирается или без нужного поля, — ядовитое сообщение.
import { bilingual } from './services';

export const PAYMENTS_TOPIC = 'payments';
/** The dead-letter topic: where messages go that could not be handled. */
export const DLT_TOPIC = 'payments-dlt';

export interface PaymentCaptured {
  type: 'PaymentCaptured';
  eventId: string;
  orderId: string;
  /** Whole cents. */
  amount: number;
  email: string;
}

/** One record as `poll` returns it. */
export interface PaymentRecord {
  topic: string;
  partition: number;
  offset: number;
  /** The order id (the producer keys payments by order). */
  key: string | null;
  /** The event as JSON text, exactly as the producer sent it. */
  value: string;
  headers: Record<string, string>;
}

/** The value is not a PaymentCaptured event. Permanent: retrying cannot help. */
export class InvalidPayment extends Error {
  readonly code = 'INVALID_PAYMENT';
  /** The reason in English and in Russian. / Причина на английском и на русском. */
  constructor(reason: string, reasonRu: string) {
    super(bilingual(`not a PaymentCaptured event: ${reason}`, `это не событие PaymentCaptured: ${reasonRu}`));
    this.name = 'InvalidPayment';
  }
}

/** The event inside a record, or InvalidPayment. */
export function parsePayment(value: string): PaymentCaptured {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new InvalidPayment('the value is not JSON', 'значение — не JSON');
  }
  const event = data as Partial<PaymentCaptured> | null;
  if (!event || typeof event !== 'object' || event.type !== 'PaymentCaptured') throw new InvalidPayment('wrong type', 'другой тип события');
  for (const field of ['eventId', 'orderId', 'email'] as const) {
    if (typeof event[field] !== 'string' || event[field] === '') throw new InvalidPayment(`no ${field}`, `нет поля ${field}`);
  }
  if (!Number.isSafeInteger(event.amount)) throw new InvalidPayment('amount is not whole cents', 'amount — не целое число центов');
  return event as PaymentCaptured;
}

// Both ends of the OrderPlaced integration event. The producer maps the service's own order to the
// published contract: version 2 only adds fields, so every reader of version 1 (billing among them)
// keeps working. The reader accepts every version: version 1 without the new fields (filling in only
// what is known to be true of old messages), version 2, and later versions whose extra fields it
// ignores. A message that breaks the contract is refused with a code and the field at fault.
// Оба конца интеграционного события OrderPlaced. Производитель переводит внутреннюю модель заказа в
// опубликованный контракт: версия 2 только добавляет поля, и потребители версии 1 продолжают работать.
// Читатель принимает любую версию: v1 без новых полей, v2 и будущие версии, чьи лишние поля он пропускает.
import { ContractError, CURRENT_SCHEMA_VERSION, V1_CURRENCY, type OrderPlacedV2, type OrderPlacedView } from './contract';
import type { PlacedOrder } from './order';

/** The message the order service publishes for a placed order (version 2, as JSON). */
export function encodeOrderPlaced(order: PlacedOrder): string {
  const message: OrderPlacedV2 = {
    type: 'OrderPlaced',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    orderId: order.orderId,
    customerId: order.buyerId,
    totalAmount: order.total.amount,
    currency: order.total.currency,
    unitCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    placedAt: order.placedAt,
  };
  return JSON.stringify(message);
}

/** Reads an OrderPlaced message of any version; throws ContractError for one that breaks the contract. */
export function decodeOrderPlaced(json: string): OrderPlacedView {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ContractError('NOT_JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ContractError('WRONG_EVENT');
  const message = parsed as Record<string, unknown>;
  if (message.type !== 'OrderPlaced') throw new ContractError('WRONG_EVENT', 'type');

  const schemaVersion = message.schemaVersion === undefined ? 1 : message.schemaVersion;
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new ContractError('WRONG_TYPE', 'schemaVersion');
  }

  const orderId = text(message, 'orderId');
  const customerId = text(message, 'customerId');
  const totalAmount = count(message, 'totalAmount');
  const placedAt = text(message, 'placedAt');
  if (schemaVersion === 1) {
    return { schemaVersion, orderId, customerId, totalAmount, currency: V1_CURRENCY, unitCount: null, placedAt };
  }
  const currency = required(message, 'currency');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new ContractError('WRONG_TYPE', 'currency');
  const unitCount = count(message, 'unitCount');
  return { schemaVersion, orderId, customerId, totalAmount, currency, unitCount, placedAt };
}

/** A field that must be there (null counts as missing). */
function required(message: Record<string, unknown>, field: string): unknown {
  const value = message[field];
  if (value === undefined || value === null) throw new ContractError('MISSING_FIELD', field);
  return value;
}

/** A field holding text with at least one non-blank character. */
function text(message: Record<string, unknown>, field: string): string {
  const value = required(message, field);
  if (typeof value !== 'string' || value.trim() === '') throw new ContractError('WRONG_TYPE', field);
  return value;
}

/** A field holding a whole number, zero or more. */
function count(message: Record<string, unknown>, field: string): number {
  const value = required(message, field);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new ContractError('WRONG_TYPE', field);
  return value;
}

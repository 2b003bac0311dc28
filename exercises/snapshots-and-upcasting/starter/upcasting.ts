// Reading old events as new ones. Stored events are never rewritten: every read lifts a
// version-1 address event to version 2, so the rest of the code only ever sees today's shapes.
// Чтение старых событий как новых. Сохранённые события никогда не переписываются: при каждом
// чтении адресное событие версии 1 поднимается до версии 2, и остальной код видит только
// сегодняшние формы.
import { CustomerError } from './errors';
import { CURRENT_SCHEMA, type Address, type CustomerEvent } from './events';
import type { StoredEvent } from './storage';

// ─── Your task, part 1 / Ваше задание, часть 1 ─────────────────────────────────────────────

/**
 * Splits a version-1 address line into a structured address.
 * Разбирает адрес версии 1 (одна строка) в структурированный адрес.
 *
 * Split on commas, trim every part, drop empty parts. Then, by the number of parts left:
 * Разделите по запятым, обрежьте пробелы у каждой части, выбросьте пустые части. Затем по числу частей:
 *   0  → all four fields ''                               / все четыре поля ''
 *   1  → street                                            / street
 *   2  → street, city                                      / street, city
 *   3  → street, city, country (no postal code: '')        / street, city, country (индекса нет: '')
 *   4+ → from the end: country, postalCode, city; everything before them is the street,
 *        its parts joined again with ', '
 *        с конца: country, postalCode, city; всё, что раньше, — street, части снова соединены через ', '
 * Fields that are not there are ''. / Отсутствующие поля — ''.
 *
 * Example / Пример:
 *   'Flat 3, 12 Harbour Road, Riga, LV-1010, Latvia'
 *   → { street: 'Flat 3, 12 Harbour Road', city: 'Riga', postalCode: 'LV-1010', country: 'Latvia' }
 */
export function parseAddressLine(line: string): Address {
  // TODO: replace this line with your code. / Замените эту строку своим кодом.
  throw new Error('not implemented');
}

/**
 * Turns a stored event into today's shape: `{ type: stored.type, ...stored.data }`, with the
 * address upcast where needed. Never change `stored` or its data: build a new object.
 * Превращает сохранённое событие в сегодняшнюю форму: `{ type: stored.type, ...stored.data }`,
 * при необходимости подняв адрес. Не меняйте `stored` и его data: создайте новый объект.
 *
 * CURRENT_SCHEMA[type] is the version each type is written with today.
 * CURRENT_SCHEMA[type] — версия, в которой тип пишется сегодня.
 *   • schemaVersion equal to today's → the event as it is       / та же версия → событие как есть
 *   • CustomerRegistered or CustomerMoved with schemaVersion 1 → address = parseAddressLine(data.address)
 *     CustomerRegistered или CustomerMoved версии 1 → address = parseAddressLine(data.address)
 *   • any other version, or a type not in CURRENT_SCHEMA → throw new CustomerError('UNKNOWN_SCHEMA', message)
 *     любая другая версия или тип не из CURRENT_SCHEMA → throw new CustomerError('UNKNOWN_SCHEMA', message)
 */
export function upcast(stored: StoredEvent): CustomerEvent {
  // TODO: replace this line with your code. / Замените эту строку своим кодом.
  throw new Error('not implemented');
}

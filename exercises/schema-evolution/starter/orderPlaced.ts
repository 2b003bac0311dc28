// Both ends of the OrderPlaced integration event: write `encodeOrderPlaced` and `decodeOrderPlaced`.
// Оба конца интеграционного события OrderPlaced: напишите `encodeOrderPlaced` и `decodeOrderPlaced`.
//
// encodeOrderPlaced: map the service's own PlacedOrder to the version-2 message of contract.ts, field
//   by field. Version 2 may only ADD fields: keep every version-1 field with its name, its type and its
//   meaning (`customerId`, `totalAmount` in whole cents), so billing's old reader (billing.ts) still
//   reads it. Do not publish the internal model as it is.
//   Переведите внутренний PlacedOrder в сообщение версии 2. Версия 2 может только ДОБАВЛЯТЬ поля:
//   каждое поле версии 1 сохраняет имя, тип и смысл, чтобы старый читатель биллинга его понимал.
// decodeOrderPlaced: read a message of ANY version. No `schemaVersion` means version 1; version 1 has
//   no currency (it was always EUR) and no unit count (unknown: null, not 0); from version 2 both are
//   required. Ignore fields you do not know (a newer producer may add some), but return only the
//   view's fields. Refuse what breaks the contract with ContractError(code, field).
//   Читайте сообщение ЛЮБОЙ версии. Нет `schemaVersion` — это версия 1: валюта EUR, число единиц
//   неизвестно (null, а не 0). Незнакомые поля пропускайте; нарушение контракта — ContractError.
import { ContractError, CURRENT_SCHEMA_VERSION, V1_CURRENCY, type OrderPlacedView } from './contract';
import type { PlacedOrder } from './order';

/** The message the order service publishes for a placed order (version 2, as JSON). */
export function encodeOrderPlaced(order: PlacedOrder): string {
  void order;
  void CURRENT_SCHEMA_VERSION;
  throw new Error('not implemented');
}

/** Reads an OrderPlaced message of any version; throws ContractError for one that breaks the contract. */
export function decodeOrderPlaced(json: string): OrderPlacedView {
  void json;
  void V1_CURRENCY;
  void ContractError;
  throw new Error('not implemented');
}

// How order events travel through the event store: one stream per order, the event's own
// fields as `data`. Reading back checks the shape, since stored data is input like any other.
import type { NewEvent, RecordedEvent } from '../../store';
import { ORDER_EVENT_TYPES, type OrderEvent, type OrderEventType } from './events';

const STREAM_PREFIX = 'order-';

export function orderStreamId(orderId: string): string {
  return `${STREAM_PREFIX}${orderId}`;
}

export function isOrderStream(streamId: string): boolean {
  return streamId.startsWith(STREAM_PREFIX);
}

export function toNewEvent(event: OrderEvent): NewEvent {
  const { type, ...data } = event;
  // JSON round trip: the store keeps plain data, and the caller's event objects stay unshared.
  return { type, data: JSON.parse(JSON.stringify(data)) as unknown };
}

export function isOrderEventType(type: string): type is OrderEventType {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(type);
}

/** Turns a stored event back into an order event; throws if it is not one. */
export function fromRecordedEvent(recorded: RecordedEvent): OrderEvent {
  const where = `event ${recorded.streamId}@${recorded.streamVersion}`;
  if (!isOrderEventType(recorded.type)) throw new Error(`${where}: ${recorded.type} is not an order event`);
  const data = recorded.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${where}: data is not an object`);
  const fields = data as Record<string, unknown>;
  if (typeof fields.aggregateId !== 'string') throw new Error(`${where}: aggregateId is missing`);
  if (fields.version !== recorded.streamVersion) {
    throw new Error(`${where}: version ${String(fields.version)} does not match its stream position`);
  }
  if (typeof fields.timestamp !== 'string') throw new Error(`${where}: timestamp is missing`);
  // The remaining payload fields were written by toNewEvent from a typed event.
  return { ...fields, type: recorded.type } as OrderEvent;
}

// Reading old events as new ones. Stored events are never rewritten: every read lifts a
// version-1 address event to version 2, so the rest of the code only ever sees today's shapes.
import { CustomerError } from './errors';
import { CURRENT_SCHEMA, type Address, type CustomerEvent, type CustomerEventType } from './events';
import type { StoredEvent } from './storage';

/**
 * Splits a version-1 address line. Parts are separated by commas, trimmed, and empty parts dropped.
 * From the end: country, postal code, city; everything before them is the street (commas kept).
 */
export function parseAddressLine(line: string): Address {
  const parts = line.split(',').map((part) => part.trim()).filter((part) => part !== '');
  switch (parts.length) {
    case 0:
      return { street: '', city: '', postalCode: '', country: '' };
    case 1:
      return { street: parts[0]!, city: '', postalCode: '', country: '' };
    case 2:
      return { street: parts[0]!, city: parts[1]!, postalCode: '', country: '' };
    case 3:
      return { street: parts[0]!, city: parts[1]!, postalCode: '', country: parts[2]! };
    default: {
      const [city, postalCode, country] = parts.slice(-3) as [string, string, string];
      return { street: parts.slice(0, -3).join(', '), city, postalCode, country };
    }
  }
}

function isKnownType(type: string): type is CustomerEventType {
  return Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA, type);
}

/** The stored event in today's shape. Does not change `stored`. */
export function upcast(stored: StoredEvent): CustomerEvent {
  if (!isKnownType(stored.type)) {
    throw new CustomerError('UNKNOWN_SCHEMA', `no reader for events of type ${stored.type}`);
  }
  const data = stored.data as Record<string, unknown>;
  const current = CURRENT_SCHEMA[stored.type];
  if (stored.schemaVersion === current) return { ...data, type: stored.type } as CustomerEvent;
  if (stored.schemaVersion === 1 && current === 2) {
    // Version 1 → 2 is the same for both address events: the line becomes a structured address.
    return { ...data, type: stored.type, address: parseAddressLine(String(data.address ?? '')) } as CustomerEvent;
  }
  throw new CustomerError('UNKNOWN_SCHEMA', `${stored.type} has schema version ${stored.schemaVersion}; this code reads up to ${current}`);
}

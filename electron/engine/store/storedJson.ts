// Parsing a payload as it comes out of the events table: the stored text is JSON the store wrote
// itself, so a failure means the file was changed outside the store; the error then names the event
// and the field instead of a bare JSON syntax error. Pure TypeScript, no Node imports.
import { DamagedEventError } from './errors';

/** JSON.parse of a stored `data` / `metadata` text; DamagedEventError naming the event when it is not JSON text. */
export function parseStoredJson(text: unknown, globalPosition: number, field: 'data' | 'metadata'): unknown {
  if (typeof text !== 'string') throw new DamagedEventError(globalPosition, field, `is not text (${text === null ? 'null' : typeof text})`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DamagedEventError(globalPosition, field, `is not valid JSON (${(err as Error).message}): ${JSON.stringify(text.slice(0, 60))}`);
  }
}

/** The stored metadata: '{}' as a fresh {}, anything else must parse to a plain object. */
export function parseStoredMetadata(text: unknown, globalPosition: number): Record<string, unknown> {
  if (text === null || text === '{}') return {};
  const value = parseStoredJson(text, globalPosition, 'metadata');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DamagedEventError(globalPosition, 'metadata', 'is not a JSON object');
  return value as Record<string, unknown>;
}

// Checks every input before anything is written, and turns event payloads into JSON text once.
// A value that would not come back from JSON exactly as given is refused with the path to it.
import { ConcurrencyError, InvalidInputError } from './errors';
import type { AppendOptions, ExpectedVersion, NewEvent, ReadAllOptions, ReadStreamOptions } from './types';

const MAX_STREAM_ID_LENGTH = 200;
const MAX_TYPE_LENGTH = 200;
const MAX_EVENT_ID_LENGTH = 200;

/** An event ready to store: ids filled in, payloads already JSON text. */
export interface PreparedEvent {
  eventId: string;
  /** The caller chose the id, so a retry may be idempotent. */
  idGiven: boolean;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
}

function checkName(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string, got ${describeType(value)}`);
  if (value.trim().length === 0) throw new InvalidInputError(`${what} must not be empty`);
  if (value.length > max) throw new InvalidInputError(`${what} is ${value.length} characters long; the limit is ${max}`);
  return value;
}

export function checkStreamId(streamId: unknown): string {
  return checkName(streamId, 'Stream id', MAX_STREAM_ID_LENGTH);
}

export function checkVersionNumber(value: unknown, what: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidInputError(`${what} must be an integer ≥ ${min}, got ${describeValue(value)}`);
  }
  return value;
}

export function checkExpectedVersion(options: AppendOptions | undefined): ExpectedVersion {
  if (options === undefined) return 'any';
  if (options === null || typeof options !== 'object') throw new InvalidInputError('Append options must be an object');
  const expected = options.expectedVersion;
  if (expected === undefined || expected === 'any') return 'any';
  if (expected === 'no_stream' || expected === 0) return 'no_stream';
  if (expected === 'stream_exists') return 'stream_exists';
  if (typeof expected === 'string') {
    throw new InvalidInputError(`expectedVersion "${expected}" is not one of a number, "any", "no_stream", "stream_exists"`);
  }
  return checkVersionNumber(expected, 'expectedVersion');
}

/** Throws ConcurrencyError unless `actual` (0 = no stream) satisfies `expected`. */
export function enforceExpected(streamId: string, expected: ExpectedVersion, actual: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
}

export function prepareEvents(events: unknown, newId: () => string): PreparedEvent[] {
  if (!Array.isArray(events)) throw new InvalidInputError(`Events must be an array, got ${describeType(events)}`);
  if (events.length === 0) throw new InvalidInputError('appendToStream needs at least one event');
  const prepared = new Array<PreparedEvent>(events.length);
  let seen: Set<string> | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as NewEvent;
    const at = `events[${i}]`;
    if (event === null || typeof event !== 'object') throw new InvalidInputError(`${at} must be an object with type and data`);
    const type = checkName(event.type, `${at}.type`, MAX_TYPE_LENGTH);
    let eventId: string;
    const idGiven = event.eventId !== undefined;
    if (idGiven) {
      eventId = checkName(event.eventId, `${at}.eventId`, MAX_EVENT_ID_LENGTH);
      seen ??= new Set();
      if (seen.has(eventId)) throw new InvalidInputError(`${at}.eventId "${eventId}" appears twice in one append`);
      seen.add(eventId);
    } else {
      eventId = newId();
    }
    const schemaVersion = event.schemaVersion === undefined ? 1 : checkVersionNumber(event.schemaVersion, `${at}.schemaVersion`, 1);
    const data = toJsonText(event.data, `${at}.data`);
    let metadata = '{}';
    if (event.metadata !== undefined) {
      if (!isPlainObject(event.metadata)) throw new InvalidInputError(`${at}.metadata must be a plain object, got ${describeType(event.metadata)}`);
      metadata = toJsonText(event.metadata, `${at}.metadata`);
    }
    prepared[i] = { eventId, idGiven, type, schemaVersion, data, metadata };
  }
  return prepared;
}

/** JSON text for a value that survives a JSON round trip unchanged; otherwise an error naming the path. */
export function toJsonText(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    // Cycles and BigInt: let the walk below name the spot when it can.
    throw new InvalidInputError(`${what} cannot be stored as JSON: ${findProblem(value, what, new Set()) ?? (err as Error).message}`);
  }
  if (text === undefined || !isJsonSafe(value, 0)) {
    throw new InvalidInputError(`${what} cannot be stored as JSON: ${findProblem(value, what, new Set()) ?? 'unsupported value'}`);
  }
  return text;
}

const MAX_DEPTH = 200;

// Fast boolean walk; JSON.stringify already succeeded, so there are no cycles to follow.
function isJsonSafe(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isJsonSafe(value[i], depth + 1)) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key in value) if (!isJsonSafe((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

// Slow path, only after a failure: finds the first offending value and says what it is.
function findProblem(value: unknown, path: string, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value}, which JSON turns into null`;
    case 'bigint':
      return `${path} is a BigInt, which JSON cannot hold (use a string or a number)`;
    case 'undefined':
      return `${path} is undefined, which JSON drops (use null or leave the key out)`;
    case 'function':
      return `${path} is a function, which JSON drops`;
    case 'symbol':
      return `${path} is a symbol, which JSON drops`;
    case 'object': {
      if (value === null) return undefined;
      if (ancestors.has(value)) return `${path} refers back to one of its parents (a cycle)`;
      if (ancestors.size > MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
      if (!Array.isArray(value) && !isPlainObject(value)) {
        const name = (value as object).constructor?.name ?? 'object';
        return `${path} is a ${name}, not a plain object or array${name === 'Date' ? ' (store dates as ISO strings)' : ''}`;
      }
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const found = findProblem(value[i], `${path}[${i}]`, ancestors);
            if (found) return found;
          }
        } else {
          for (const key in value) {
            const found = findProblem((value as Record<string, unknown>)[key], `${path}.${key}`, ancestors);
            if (found) return found;
          }
        }
      } finally {
        ancestors.delete(value);
      }
      return undefined;
    }
    default:
      return `${path} has an unsupported type`;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  // Objects from another realm (the sandbox's vm context) have their own Object.prototype.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

interface CheckedReadStream {
  fromVersion: number;
  toVersion: number;
  maxCount: number;
  backward: boolean;
}

export function checkReadStreamOptions(options: ReadStreamOptions | undefined): CheckedReadStream {
  if (options === undefined) return { fromVersion: 1, toVersion: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER, backward: false };
  if (options === null || typeof options !== 'object') throw new InvalidInputError('readStream options must be an object');
  const direction = options.direction ?? 'forward';
  if (direction !== 'forward' && direction !== 'backward') throw new InvalidInputError(`direction must be "forward" or "backward", got ${describeValue(direction)}`);
  return {
    fromVersion: options.fromVersion === undefined ? 1 : checkVersionNumber(options.fromVersion, 'fromVersion'),
    toVersion: options.toVersion === undefined ? Number.MAX_SAFE_INTEGER : checkVersionNumber(options.toVersion, 'toVersion'),
    maxCount: options.maxCount === undefined ? Number.MAX_SAFE_INTEGER : checkVersionNumber(options.maxCount, 'maxCount'),
    backward: direction === 'backward',
  };
}

interface CheckedReadAll {
  after: number;
  upTo: number;
  maxCount: number;
  types: string[] | undefined;
  lazy: boolean;
}

export function checkReadAllOptions(options: ReadAllOptions | undefined): CheckedReadAll {
  if (options === undefined) return { after: 0, upTo: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER, types: undefined, lazy: false };
  if (options === null || typeof options !== 'object') throw new InvalidInputError('readAll options must be an object');
  let types: string[] | undefined;
  if (options.types !== undefined) {
    if (!Array.isArray(options.types)) throw new InvalidInputError('types must be an array of event type names');
    types = options.types.map((t, i) => checkName(t, `types[${i}]`, MAX_TYPE_LENGTH));
  }
  if (options.lazy !== undefined && typeof options.lazy !== 'boolean') throw new InvalidInputError(`lazy must be true or false, got ${describeValue(options.lazy)}`);
  return {
    after: options.after === undefined ? 0 : checkVersionNumber(options.after, 'after'),
    upTo: options.upTo === undefined ? Number.MAX_SAFE_INTEGER : checkVersionNumber(options.upTo, 'upTo'),
    maxCount: options.maxCount === undefined ? Number.MAX_SAFE_INTEGER : checkVersionNumber(options.maxCount, 'maxCount'),
    types,
    lazy: options.lazy === true,
  };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

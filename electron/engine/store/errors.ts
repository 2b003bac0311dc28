// Errors the event store throws: values with a code and a message a student can act on.
import { CodedError } from '../common/codedError';
import type { ExpectedVersion } from './types';

/** The stream's version was not what the caller expected: someone else appended first. */
export class ConcurrencyError extends CodedError {
  readonly code = 'CONCURRENCY' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Concurrency conflict on stream "${streamId}": expected version ${describeExpected(expected)}, but it is at ${actual === 0 ? '0 (no stream)' : actual}`, {
      streamId,
      expected: String(expected),
      actual,
    });
  }
}

/** Event ids are already stored, but not as this exact append (other stream or other positions). */
export class EventIdConflictError extends CodedError {
  readonly code = 'EVENT_ID_CONFLICT' as const;
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    detail: string,
  ) {
    super(`Event id "${eventId}" is already stored ${detail}; appending it to "${streamId}" again would duplicate it`);
  }
}

/** The caller passed something the store cannot keep faithfully; nothing was written. */
export class InvalidInputError extends CodedError {
  readonly code = 'INVALID_INPUT' as const;
  constructor(message: string) {
    super(message);
  }
}

/**
 * A stored row the store cannot read back: a payload that is not JSON, a position that is not a
 * whole number. Someone changed the file outside the store; the message names the event.
 */
export class DamagedEventError extends CodedError {
  readonly code = 'DAMAGED_EVENT' as const;
  constructor(
    readonly globalPosition: number,
    readonly field: string,
    detail: string,
  ) {
    super(`The stored event at global position ${globalPosition} is damaged: its ${field} ${detail}`, { globalPosition, field });
  }
}

/** The store was used after close(). */
export class StoreClosedError extends CodedError {
  readonly code = 'STORE_CLOSED' as const;
  constructor() {
    super('The event store is closed');
  }
}

function describeExpected(expected: ExpectedVersion): string {
  if (expected === 'no_stream' || expected === 0) return '"no_stream" (the stream must not exist)';
  if (expected === 'stream_exists') return '"stream_exists" (the stream must already have events)';
  return String(expected);
}

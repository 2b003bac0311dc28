// Upcasting leaves the stored event alone and refuses what it cannot read.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@engine/testing/givenWhenThen';
import { CustomerError } from '@workspace/errors';
import { upcast } from '@workspace/upcasting';
import { CUSTOMER_ID, RIGA, STREAM, v1, v2, points, type Raw } from '../support/fixtures';

function stored(raw: Raw, schemaVersion = raw.schemaVersion) {
  return { streamId: STREAM, streamVersion: 1, type: raw.type, schemaVersion, data: raw.data };
}

function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Name a code-less error by its message, so a failing test says what was thrown instead.
    return code ?? `an error without a code: ${error instanceof Error ? error.message : String(error)}`;
  }
  return 'no error';
}

describe('upcast edge cases', () => {
  it('does not change the stored event or its data', () => {
    const event = stored(v1.registered());
    const before = JSON.parse(JSON.stringify(event));
    const read = upcast(event);
    expect(event).toEqual(before);
    read.customerId = 'changed';
    expect(event).toEqual(before);
  });

  it('a v2 event read twice gives equal, separate results', () => {
    const event = stored(v2.registered());
    const first = upcast(event);
    const second = upcast(event);
    expect(first).toEqual(second);
    expect(first).toEqual({ type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze Berzina', address: RIGA });
  });

  it('a schema version from the future is refused with UNKNOWN_SCHEMA', () => {
    expect(codeOf(() => upcast(stored(v2.moved(RIGA), 3)))).toBe('UNKNOWN_SCHEMA');
  });

  it('schema version 0 is refused with UNKNOWN_SCHEMA', () => {
    expect(codeOf(() => upcast(stored(v1.moved('a, b, c, d'), 0)))).toBe('UNKNOWN_SCHEMA');
  });

  it('a later version of an event that never changed shape is refused with UNKNOWN_SCHEMA', () => {
    expect(codeOf(() => upcast(stored(points(3), 2)))).toBe('UNKNOWN_SCHEMA');
  });

  it('an event type nobody knows is refused with UNKNOWN_SCHEMA', () => {
    expect(codeOf(() => upcast({ streamId: STREAM, streamVersion: 1, type: 'CustomerTeleported', schemaVersion: 1, data: {} }))).toBe('UNKNOWN_SCHEMA');
  });

  it('the refusal is a CustomerError', () => {
    refusalOf(() => upcast(stored(v2.moved(RIGA), 9)), CustomerError, 'upcast() of a schema version 9 event');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'upcast edge cases': 'граничные случаи upcast',
  'does not change the stored event or its data': 'не меняет сохранённое событие и его данные',
  'a v2 event read twice gives equal, separate results': 'событие v2, прочитанное дважды, даёт равные, но разные объекты',
  'a schema version from the future is refused with UNKNOWN_SCHEMA': 'версия схемы из будущего отклоняется с кодом UNKNOWN_SCHEMA',
  'schema version 0 is refused with UNKNOWN_SCHEMA': 'версия схемы 0 отклоняется с кодом UNKNOWN_SCHEMA',
  'a later version of an event that never changed shape is refused with UNKNOWN_SCHEMA': 'новая версия события, форма которого никогда не менялась, отклоняется с кодом UNKNOWN_SCHEMA',
  'an event type nobody knows is refused with UNKNOWN_SCHEMA': 'никому не известный тип события отклоняется с кодом UNKNOWN_SCHEMA',
  'the refusal is a CustomerError': 'отказ — это CustomerError',
};

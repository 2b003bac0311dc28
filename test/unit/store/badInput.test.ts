// Bad input gets a clear InvalidInputError naming the problem, and nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, type EventStore, type NewEvent } from '../../../electron/engine/store';
import { implementations } from './implementations';

// Deliberately ill-typed inputs, as JavaScript callers (and students) can send them.
// any: the point of these tests is to bypass the types.
type Loose = any;

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

const badAppends: Array<[string, string, Loose, Loose, Loose?]> = [
  ['an empty stream id', 'Stream id must not be empty', '', [{ type: 'A', data: {} }]],
  ['a blank stream id', 'Stream id must not be empty', '   ', [{ type: 'A', data: {} }]],
  ['an over-long stream id', 'limit is 200', 'x'.repeat(201), [{ type: 'A', data: {} }]],
  ['a stream id that is not a string', 'Stream id must be a string', 42, [{ type: 'A', data: {} }]],
  ['no events', 'at least one event', 's', []],
  ['events that are not an array', 'Events must be an array', 's', { type: 'A', data: {} }],
  ['an event that is not an object', 'events[0] must be an object', 's', [null]],
  ['an empty type', 'events[0].type must not be empty', 's', [{ type: '', data: {} }]],
  ['an over-long type', 'events[1].type is 201 characters', 's', [{ type: 'A', data: {} }, { type: 'T'.repeat(201), data: {} }]],
  ['a missing type', 'events[0].type must be a string', 's', [{ data: {} }]],
  ['undefined data at the top', 'events[0].data is undefined', 's', [{ type: 'A' }]],
  ['a BigInt', 'events[0].data.amount is a BigInt', 's', [{ type: 'A', data: { amount: 10n } }]],
  ['a cycle', 'events[0].data.self refers back', 's', [{ type: 'A', data: cyclic }]],
  ['a function at the top', 'events[0].data is a function', 's', [{ type: 'A', data: () => 1 }]],
  ['a nested function', 'events[0].data.fn is a function', 's', [{ type: 'A', data: { fn: () => 1 } }]],
  ['a nested undefined', 'events[0].data.a[1] is undefined', 's', [{ type: 'A', data: { a: [1, undefined] } }]],
  ['NaN', 'events[0].data.n is NaN', 's', [{ type: 'A', data: { n: NaN } }]],
  ['a Date', 'store dates as ISO strings', 's', [{ type: 'A', data: { at: new Date() } }]],
  ['a Map', 'events[0].data is a Map', 's', [{ type: 'A', data: new Map() }]],
  ['a symbol', 'events[0].data.s is a symbol', 's', [{ type: 'A', data: { s: Symbol('x') } }]],
  ['metadata that is an array', 'events[0].metadata must be a plain object', 's', [{ type: 'A', data: {}, metadata: [] }]],
  ['metadata that is a string', 'events[0].metadata must be a plain object', 's', [{ type: 'A', data: {}, metadata: 'x' }]],
  ['metadata that is null', 'events[0].metadata must be a plain object', 's', [{ type: 'A', data: {}, metadata: null }]],
  ['metadata holding a BigInt', 'events[0].metadata.n is a BigInt', 's', [{ type: 'A', data: {}, metadata: { n: 1n } }]],
  ['an empty event id', 'events[0].eventId must not be empty', 's', [{ type: 'A', data: {}, eventId: '' }]],
  ['a duplicate event id in one append', 'appears twice', 's', [{ type: 'A', data: {}, eventId: 'x' }, { type: 'B', data: {}, eventId: 'x' }]],
  ['schema version 0', 'schemaVersion must be an integer ≥ 1', 's', [{ type: 'A', data: {}, schemaVersion: 0 }]],
  ['a fractional schema version', 'schemaVersion must be an integer', 's', [{ type: 'A', data: {}, schemaVersion: 1.5 }]],
  ['a negative expected version', 'expectedVersion must be an integer ≥ 0, got -1', 's', [{ type: 'A', data: {} }], { expectedVersion: -1 }],
  ['a fractional expected version', 'expectedVersion must be an integer ≥ 0, got 1.5', 's', [{ type: 'A', data: {} }], { expectedVersion: 1.5 }],
  ['an unknown expected version word', 'expectedVersion "latest" is not one of', 's', [{ type: 'A', data: {} }], { expectedVersion: 'latest' }],
  ['a NaN expected version', 'expectedVersion must be an integer', 's', [{ type: 'A', data: {} }], { expectedVersion: NaN }],
];

describe.each(implementations)('bad input ($name)', ({ open }) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
    store.appendToStream('s', [{ type: 'Seed', data: {} }]);
  });
  afterEach(() => store.close());

  it.each(badAppends)('append refuses %s with a clear error and writes nothing', (_label, message, streamId, events, options) => {
    let error: unknown;
    try {
      store.appendToStream(streamId, events as NewEvent[], options);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
    expect((error as Error).message).toContain(message);
    expect(store.headPosition()).toBe(1);
    expect(store.readStream('s').currentVersion).toBe(1);
  });

  it('a bad event late in a batch stops the whole batch', () => {
    const events: Loose[] = [{ type: 'A', data: 1 }, { type: 'B', data: 2 }, { type: 'C', data: 3n }];
    expect(() => store.appendToStream('s', events)).toThrow(/events\[2\]\.data is a BigInt/);
    expect(store.headPosition()).toBe(1);
  });

  it.each<[string, Loose]>([
    ['a negative fromVersion', { fromVersion: -1 }],
    ['a fractional toVersion', { toVersion: 2.5 }],
    ['a negative maxCount', { maxCount: -3 }],
    ['an unknown direction', { direction: 'sideways' }],
  ])('readStream refuses %s', (_label, options) => {
    expect(() => store.readStream('s', options)).toThrow(InvalidInputError);
  });

  it.each<[string, Loose]>([
    ['a negative after', { after: -1 }],
    ['a fractional maxCount', { maxCount: 0.5 }],
    ['types that are not an array', { types: 'A' }],
    ['an empty type name', { types: [''] }],
  ])('readAll refuses %s', (_label, options) => {
    expect(() => store.readAll(options)).toThrow(InvalidInputError);
  });

  it('refuses a bad checkpoint or subscription name and a negative checkpoint', () => {
    expect(() => store.setCheckpoint('', 1)).toThrow(InvalidInputError);
    expect(() => store.setCheckpoint('p', -1)).toThrow(InvalidInputError);
    expect(() => store.getCheckpoint(undefined as Loose)).toThrow(InvalidInputError);
  });
});

// What the store's property tests share: the stored rows read the simple way (every column apart,
// payloads parsed), random logs whose names may hold the store's separators, and a filler that appends them.
import fc from 'fast-check';
import { LazyRecordedEvent, type NewEvent, type RecordedEvent, type SqliteEventStore } from '../../../electron/engine/store';

/** The stored rows as the simple representation: every column apart, payloads parsed. */
export function storedRows(store: SqliteEventStore): RecordedEvent[] {
  const rows = store.database.prepare('SELECT * FROM events ORDER BY global_position').all() as Record<string, string & number>[];
  return rows.map((r) => ({
    globalPosition: r.global_position,
    streamId: r.stream_id,
    streamVersion: r.stream_version,
    eventId: r.event_id,
    type: r.type,
    schemaVersion: r.schema_version,
    data: JSON.parse(r.data),
    metadata: JSON.parse(r.metadata),
    recordedAt: r.recorded_at,
  }));
}

export const plain = (e: RecordedEvent) => (e instanceof LazyRecordedEvent ? e.toPlain() : e);

/** Names: ordinary text, any unicode, and the given names (those holding a separator under test). */
export const names = (special: string[]) =>
  fc
    .oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.constantFrom(...special))
    .filter((s) => s.trim().length > 0);

/** Appends to random streams of random events, the streams' names and the events' types and ids drawn from `name`. */
export function appendsNamed(name: fc.Arbitrary<string>): fc.Arbitrary<{ stream: string; events: NewEvent[] }[]> {
  const event = fc.record(
    {
      type: name,
      data: fc.jsonValue({ maxDepth: 3 }),
      metadata: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      eventId: name,
      schemaVersion: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: ['type', 'data'] },
  );
  return fc.array(fc.record({ stream: name, events: fc.array(event, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 });
}

/** Appends all, making caller-chosen event ids unique (a repeated id is another test's subject). */
export function fill(store: SqliteEventStore, list: { stream: string; events: NewEvent[] }[]): void {
  let n = 0;
  for (const a of list) store.appendToStream(a.stream, a.events.map((e) => (e.eventId === undefined ? e : { ...e, eventId: `${e.eventId}#${n++}` })));
}

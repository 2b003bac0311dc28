// Catch-up reads travel as envelopes, one text per event (envelope.ts), joined into one text per page (pageText.ts); these properties hold that the events
// they give are exactly the stored rows read column by column, whatever the names and payloads hold
// (the separator itself included), in whatever order a reader touches a lazy event's fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyRecordedEvent, openEventStore, type RecordedEvent } from '../../../electron/engine/store';
import { appendsNamed, fill, names, plain, storedRows } from './storedLog';

const FIELDS = ['globalPosition', 'streamId', 'streamVersion', 'eventId', 'type', 'schemaVersion', 'data', 'metadata', 'recordedAt'] as const;

// Names: ordinary text, any unicode, and names holding the envelope's separator.
const name = names(['a\x1fb', '\x1f', 'x\x1f', 'Paid']);
const appends = appendsNamed(name);

describe('catch-up reads through envelopes', () => {
  it('give the stored rows exactly, eager and lazy, whole or in pages, with or without a type filter', () => {
    fc.assert(
      fc.property(appends, fc.integer({ min: 1, max: 7 }), fc.array(name, { maxLength: 2 }), (list, pageSize, types) => {
        const store = openEventStore({ path: ':memory:' });
        try {
          fill(store, list);
          const rows = storedRows(store);
          expect(store.readAll()).toEqual(rows);
          expect(store.readAll({ lazy: true }).map(plain)).toEqual(rows);
          const paged: RecordedEvent[] = [];
          for (let after = 0; ; ) {
            const page = store.readAll({ after, maxCount: pageSize, lazy: paged.length % 2 === 0 });
            if (page.length === 0) break;
            paged.push(...page.map(plain));
            after = page[page.length - 1].globalPosition;
          }
          expect(paged).toEqual(rows);
          const wanted = types.length > 0 ? types : ['Paid'];
          expect(store.readAll({ types: wanted, lazy: true }).map(plain)).toEqual(rows.filter((r) => wanted.includes(r.type)));
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('give a lazy event the same fields whatever order they are read or changed in', () => {
    fc.assert(
      fc.property(appends, fc.array(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 12 }), fc.nat(), (list, order, pick) => {
        const store = openEventStore({ path: ':memory:' });
        try {
          fill(store, list);
          const rows = storedRows(store);
          const lazy = store.readAll({ lazy: true });
          const i = pick % rows.length;
          const e = lazy[i] as unknown as Record<string, unknown>;
          const seen = order.map((f) => e[f]);
          expect(seen).toEqual(order.map((f) => (rows[i] as unknown as Record<string, unknown>)[f]));
          // a change to one field leaves the others as stored
          const changed = order[0];
          e[changed] = 'changed';
          expect(plain(lazy[i])).toEqual({ ...rows[i], [changed]: 'changed' });
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('read a page holding a name with the separator, and the pages around it, as plain rows give them', () => {
    const store = openEventStore({ path: ':memory:' });
    store.appendToStream('order-1', [{ type: 'Created', data: { n: 1 } }]);
    store.appendToStream('order\x1f2', [{ type: 'Paid\x1f', data: { n: 2 }, eventId: 'id\x1f2', metadata: { by: 'x\x1fy' } }]);
    store.appendToStream('order-3', [{ type: 'Created', data: '\x1f in a string' }]);
    const rows = storedRows(store);
    expect(rows[1]).toMatchObject({ streamId: 'order\x1f2', type: 'Paid\x1f', eventId: 'id\x1f2', metadata: { by: 'x\x1fy' } });
    expect(store.readAll()).toEqual(rows);
    expect(store.readAll({ lazy: true }).map(plain)).toEqual(rows);
    expect(store.readAll({ lazy: true }).every((e) => e instanceof LazyRecordedEvent)).toBe(true);
    expect(store.readAll({ after: 2 })).toEqual(rows.slice(2));
    store.close();
  });
});

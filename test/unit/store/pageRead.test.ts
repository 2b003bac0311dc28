// An eager readAll fetches each page of the global log as one text (pageText.ts). These tests hold
// that it gives exactly the stored rows read one by one, column by column — for random logs, page
// sizes and bounds, names holding either separator, logs longer than one page and positions with
// gaps — and that a damaged row gets an error naming its position instead of a wrong event.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedEventError, LazyRecordedEvent, openEventStore, type RecordedEvent, type SqliteEventStore } from '../../../electron/engine/store';
import { decodeLazyPage, decodePage } from '../../../electron/engine/store/pageText';
import { appendsNamed, fill, names, plain, storedRows } from './storedLog';

// Names: ordinary text, any unicode, and names holding the page's record or field separator.
const name = names(['a\x1eb', '\x1e', 'x\x1f', 'Paid', 'Created']);
const appends = appendsNamed(name);

/** Writes a row the way a hand edit of the file would: any position, any texts (the triggers only refuse UPDATE and DELETE). */
function writeRow(store: SqliteEventStore, position: number, fields: { data?: string; metadata?: string; type?: string; streamId?: string } = {}): void {
  store.database
    .prepare('INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, 1, ?, ?, 1, ?, ?, ?)')
    .run(position, fields.streamId ?? `hand-${position}`, `hand-id-${position}`, fields.type ?? 'Written', fields.data ?? '{"n":1}', fields.metadata ?? '{}', '2026-12-03T10:00:00.000Z');
}

/** Reads the whole log in pages of `size` through eager readAll. */
function readInPages(store: SqliteEventStore, size: number, options: { after?: number; upTo?: number; types?: string[]; lazy?: boolean } = {}): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (let after = options.after ?? 0; ; ) {
    const page = store.readAll({ ...options, after, maxCount: size });
    if (page.length === 0) return out;
    out.push(...page.map(plain));
    after = page[page.length - 1].globalPosition;
  }
}

describe('eager catch-up reads through page texts', () => {
  it('give what the per-row path gives, for random logs, page sizes, bounds and type filters', () => {
    fc.assert(
      fc.property(
        appends,
        fc.integer({ min: 1, max: 9 }),
        fc.nat({ max: 12 }),
        fc.nat({ max: 40 }),
        fc.array(name, { maxLength: 2 }),
        fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
        (list, size, after, upTo, types, gaps) => {
          const store = openEventStore({ path: ':memory:' });
          try {
            fill(store, list);
            // Some logs get hand-written rows past a gap in the positions.
            let at = store.headPosition();
            for (const g of gaps) writeRow(store, (at += g + 1));
            const rows = storedRows(store);
            const bounded = rows.filter((r) => r.globalPosition > after && r.globalPosition <= upTo);
            expect(store.readAll()).toEqual(rows);
            expect(readInPages(store, size)).toEqual(rows);
            expect(store.readAll({ after, upTo })).toEqual(bounded);
            expect(store.readAll({ after, upTo, maxCount: size })).toEqual(bounded.slice(0, size));
            expect(readInPages(store, size, { after, upTo })).toEqual(bounded);
            const wanted = [...types, 'Written'];
            expect(readInPages(store, size, { types: wanted })).toEqual(rows.filter((r) => wanted.includes(r.type)));
            expect(store.readAll({ lazy: true }).map(plain)).toEqual(rows);
            expect(readInPages(store, size, { after, upTo, lazy: true })).toEqual(bounded);
            expect(readInPages(store, size, { types: wanted, lazy: true })).toEqual(rows.filter((r) => wanted.includes(r.type)));
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('read logs longer than one page, with gaps wider than a page, whole and in pages of any size', () => {
    const store = openEventStore({ path: ':memory:' });
    for (let s = 0; s < 5; s++) {
      store.appendToStream(`s-${s}`, Array.from({ length: 500 }, (_, i) => ({ type: i % 3 === 0 ? 'Paid' : 'Added', data: { s, i, note: 'é✓' } })));
    }
    writeRow(store, 2_600);
    writeRow(store, 9_000);
    store.appendToStream('after-gap', [{ type: 'Paid', data: 1 }, { type: 'Added', data: 2, metadata: { by: 'me' } }]);
    const rows = storedRows(store);
    expect(rows).toHaveLength(2_504);
    expect(store.readAll()).toEqual(rows);
    for (const size of [1, 999, 1_000, 1_001, 2_100]) expect(readInPages(store, size)).toEqual(rows);
    for (const size of [999, 2_100]) expect(readInPages(store, size, { lazy: true })).toEqual(rows);
    expect(store.readAll({ lazy: true }).map(plain)).toEqual(rows);
    expect(store.readAll({ after: 1_500, maxCount: 1_003 })).toEqual(rows.filter((r) => r.globalPosition > 1_500).slice(0, 1_003));
    expect(store.readAll({ after: 2_400, upTo: 9_000 })).toEqual(rows.filter((r) => r.globalPosition > 2_400 && r.globalPosition <= 9_000));
    expect(store.readAll({ types: ['Paid'], maxCount: 1_500 })).toEqual(rows.filter((r) => r.type === 'Paid').slice(0, 1_500));
    expect(store.readAll({ after: 9_000 })).toEqual(rows.slice(-2));
    expect(store.readAll({ after: 8_000 })).toEqual(rows.slice(-3));
    expect(store.readAll({ after: 9_002 })).toEqual([]);
    store.close();
  });

  it('read a page whose text would pass the page limit (32 MB) row by row, giving the same events', () => {
    const store = openEventStore({ path: ':memory:' });
    const big = 'x'.repeat(1_100_000);
    store.appendToStream('big', Array.from({ length: 31 }, (_, i) => ({ type: 'Big', data: { i, big } })));
    store.appendToStream('small', [{ type: 'Small', data: 1 }]);
    const read = store.readAll();
    expect(read.map((e) => [e.globalPosition, e.type, (e.data as { i?: number }).i])).toEqual([
      ...Array.from({ length: 31 }, (_, i) => [i + 1, 'Big', i]),
      [32, 'Small', undefined],
    ]);
    expect(read.every((e, i) => i === 31 || (e.data as { big: string }).big === big)).toBe(true);
    expect(store.readAll({ after: 30 }).map((e) => e.globalPosition)).toEqual([31, 32]);
    store.close();
  });

  it('read a log longer than one page from one snapshot, even when another connection appends between its pages', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-page-snapshot-'));
    const file = path.join(dir, 'events.sqlite');
    const reader = openEventStore({ path: file });
    const writer = openEventStore({ path: file });
    try {
      writer.appendToStream('s', Array.from({ length: 1_500 }, (_, i) => ({ type: 'Old', data: i })));
      // An upcaster runs while a page is being handed out: the other connection appends right then.
      let appended = false;
      const appendBetweenPages = (data: unknown) => {
        if (!appended) {
          appended = true;
          writer.appendToStream('t', Array.from({ length: 5 }, () => ({ type: 'New', data: 0 })));
        }
        return data;
      };
      for (const lazy of [false, true]) {
        appended = false;
        reader.registerUpcaster('Old', lazy ? 2 : 1, appendBetweenPages);
        const head = reader.headPosition();
        const read = reader.readAll({ lazy });
        expect(appended).toBe(true);
        expect(read).toHaveLength(head);
        expect(read[read.length - 1].globalPosition).toBe(head);
        expect(reader.readAll({ after: head }).map((e) => e.type)).toEqual(['New', 'New', 'New', 'New', 'New']);
        writer.appendToStream('s', [{ type: 'Old', data: 0, schemaVersion: 2 }]);
      }
    } finally {
      reader.close();
      writer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('return fresh objects on every read', () => {
    const store = openEventStore({ path: ':memory:' });
    store.appendToStream('s', [{ type: 'T', data: { list: [1] }, metadata: { a: 1 } }, { type: 'T', data: { list: [2] } }]);
    const first = store.readAll();
    (first[0].data as { list: number[] }).list.push(9);
    first[0].metadata.a = 2;
    first[1].metadata.b = 3;
    expect(store.readAll()).toEqual(storedRows(store));
    store.close();
  });

  describe('a row changed outside the store', () => {
    it('gives an error naming its position and field, in an eager, lazy or stream read, and loses the rows before it', () => {
      const store = openEventStore({ path: ':memory:' });
      store.appendToStream('good', [{ type: 'T', data: 1 }, { type: 'T', data: 2 }]);
      writeRow(store, 3, { data: '{"unclosed": ', streamId: 'bad' });
      store.appendToStream('good', [{ type: 'T', data: 4 }]);
      const error = (() => {
        try {
          store.readAll();
        } catch (err) {
          return err;
        }
      })();
      expect(error).toBeInstanceOf(DamagedEventError);
      expect(error).toMatchObject({ code: 'DAMAGED_EVENT', globalPosition: 3, field: 'data', params: { globalPosition: 3, field: 'data' } });
      expect((error as Error).message).toMatch(/global position 3 is damaged: its data is not valid JSON/);
      expect(() => store.readAll({ after: 1, maxCount: 5 })).toThrow(DamagedEventError);
      expect(() => store.readAll({ types: ['T', 'Written'] })).toThrow(/global position 3/);
      expect(() => store.readStream('bad')).toThrow(/global position 3/);
      const lazy = store.readAll({ lazy: true });
      expect(lazy[0].data).toBe(1);
      expect(() => lazy[2].data).toThrow(/global position 3 is damaged: its data/);
      // What is not damaged still reads, around the damaged row.
      expect(store.readAll({ upTo: 2 }).map((e) => e.data)).toEqual([1, 2]);
      expect(store.readAll({ after: 3 }).map((e) => e.data)).toEqual([4]);
      store.close();
    });

    it('names damaged metadata the same way', () => {
      const store = openEventStore({ path: ':memory:' });
      writeRow(store, 1, { metadata: '[1, 2]' });
      writeRow(store, 2, { metadata: '{"a":' });
      expect(() => store.readAll({ upTo: 1 })).toThrow(/global position 1 is damaged: its metadata is not a JSON object/);
      expect(() => store.readAll({ after: 1 })).toThrow(/global position 2 is damaged: its metadata is not valid JSON/);
      store.close();
    });

    it('never lets a payload holding separators pass for other events', () => {
      const store = openEventStore({ path: ':memory:' });
      store.appendToStream('s', [{ type: 'T', data: 1 }]);
      // Data that ends early and then spells out a whole fake event of its own.
      writeRow(store, 2, { data: '1\x1e99\x1fFake\x1fs\x1f1\x1fid\x1f1\x1f2026-01-01T00:00:00.000Z\x1f{}\x1f{"forged":true}' });
      store.appendToStream('s', [{ type: 'T', data: 3 }]);
      expect(() => store.readAll()).toThrow(/global position 2 is damaged: its data is not valid JSON/);
      // The same text one event short of a whole one (it would swallow the next event's fields).
      const other = openEventStore({ path: ':memory:' });
      writeRow(other, 1, { data: '1\x1e7\x1fx' });
      other.appendToStream('s', [{ type: 'T', data: 3 }]);
      expect(() => other.readAll()).toThrow(/global position 1 is damaged/);
      store.close();
      other.close();
    });
  });
});

describe('decodePage', () => {
  const envelope = (p: number, data: string, type = 'T') => [p, type, 's', 1, `id-${p}`, 1, '2026-12-03T10:00:00.000Z', '{}', data].join('\x1f');

  it('reads a well-formed page', () => {
    const page = [envelope(4, '{"a":1}'), envelope(7, '[2]')].join('\x1e');
    expect(decodePage([2, page], 3)).toEqual([
      { globalPosition: 4, streamId: 's', streamVersion: 1, eventId: 'id-4', type: 'T', schemaVersion: 1, data: { a: 1 }, metadata: {}, recordedAt: '2026-12-03T10:00:00.000Z' },
      { globalPosition: 7, streamId: 's', streamVersion: 1, eventId: 'id-7', type: 'T', schemaVersion: 1, data: [2], metadata: {}, recordedAt: '2026-12-03T10:00:00.000Z' },
    ]);
    expect(decodePage([0, null], 0)).toEqual([]);
  });

  it('refuses (null: read row by row) anything it cannot vouch for', () => {
    const two = [envelope(4, '1'), envelope(5, '2')];
    expect(decodePage([3, two.join('\x1e')], 0)).toBeNull(); // fewer records than rows
    expect(decodePage([1, two.join('\x1e')], 0)).toBeNull(); // more
    expect(decodePage([2, [envelope(5, '1'), envelope(4, '2')].join('\x1e')], 0)).toBeNull(); // out of order
    expect(decodePage([1, envelope(4, '1')], 4)).toBeNull(); // not after `after`
    expect(decodePage([1, envelope(4, '1', 'a\x1fb')], 0)).toBeNull(); // a name holding the field separator
    expect(decodePage([2, [envelope(4, '1', 'a\x1eb'), envelope(5, '2')].join('\x1e')], 0)).toBeNull(); // or the record separator
    expect(decodePage([1, envelope(4, 'nope')], 0)).toBeNull(); // data not JSON
    expect(decodePage([1, envelope(4, '1').replace('\x1f{}\x1f', '\x1f[]\x1f')], 0)).toBeNull(); // metadata not an object
    expect(decodePage([1, envelope(4, '1').replace('\x1f1\x1fid', '\x1fone\x1fid')], 0)).toBeNull(); // a version that is not a number
    expect(decodePage([1, null], 0)).toBeNull();
  });
});

describe('decodeLazyPage', () => {
  const envelope = (p: number, type = 'T', data = '{"a":1}') => [p, type, 's', 1, `id-${p}`, 1, '2026-12-03T10:00:00.000Z', '{}', data].join('\x1f');

  it('gives lazy events over each record of a well-formed page', () => {
    const events = decodeLazyPage([2, [envelope(4), envelope(7, 'U', '[2]')].join('\x1e')], 3) as LazyRecordedEvent[];
    expect(events.every((e) => e instanceof LazyRecordedEvent)).toBe(true);
    expect(events.map((e) => [e.globalPosition, e.type, e.data])).toEqual([
      [4, 'T', { a: 1 }],
      [7, 'U', [2]],
    ]);
    expect(decodeLazyPage([0, null], 0)).toEqual([]);
  });

  it('refuses (null: read row by row) a page whose records are not exactly the rows', () => {
    const two = [envelope(4), envelope(5)];
    expect(decodeLazyPage([3, two.join('\x1e')], 0)).toBeNull();
    expect(decodeLazyPage([1, two.join('\x1e')], 0)).toBeNull();
    expect(decodeLazyPage([2, [envelope(5), envelope(4)].join('\x1e')], 0)).toBeNull();
    expect(decodeLazyPage([1, envelope(4, 'a\x1fb')], 0)).toBeNull(); // nine field separators
    expect(decodeLazyPage([2, [envelope(4, 'a\x1eb'), envelope(5)].join('\x1e')], 0)).toBeNull();
    expect(decodeLazyPage([1, envelope(4).replace('4\x1f', 'four\x1f')], 0)).toBeNull();
    expect(decodeLazyPage([1, null], 0)).toBeNull();
  });
});

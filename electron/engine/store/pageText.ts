// A page of the global log as one text, the way an eager catch-up read fetches it: SQLite joins the
// page's envelopes (envelope.ts, one per row) with U+001E itself (group_concat), so the driver hands
// over one string per page instead of one per event. This module holds the page query and the pure
// decoder. The decoder vouches for every field it returns: a page whose text does not split into
// exactly its rows' fields (a name holding a separator) or whose payloads do not parse makes it answer
// null, and the page is read row by row instead (sqliteStore.ts), where a damaged row gets its own
// error. Pure TypeScript, no Node imports.
import { ENVELOPE_SEPARATOR, isEmptyObjectIn, UNCHECKED_ENVELOPE_SQL } from './envelope';
import { LazyRecordedEvent } from './lazyEvent';
import type { RecordedEvent } from './types';

const FIELD = ENVELOPE_SEPARATOR;
/** Between the envelopes of a page (U+001E): JSON text never holds it raw either. */
const RECORD = '\x1e';

/**
 * Bytes a page's text may have; a larger page comes back without a row and is read row by row, so
 * the driver never meets a text near V8's limit on a string's length (SQLite's own limit, 1e9 bytes,
 * fails the query, which also sends the page row by row).
 */
export const PAGE_TEXT_BYTES = 32 * 1024 * 1024;

const PAGE_TEXT = `group_concat(${UNCHECKED_ENVELOPE_SQL}, '\x1e')`;
const PAGE_COLUMNS = `count(*), ${PAGE_TEXT}`;
// SQLite computes the two identical group_concat calls once; octet_length of a text is its stored size.
const SIZE_LIMIT = `HAVING count(*) = 0 OR octet_length(${PAGE_TEXT}) <= ?`;

/**
 * The page over positions after ? up to min(?, ? + ?) (after, upTo, after, count; then
 * PAGE_TEXT_BYTES), for reads without a type filter: a range of the primary key, no LIMIT and no
 * subquery for the rows to pass through. Fewer rows than asked means the end or a gap in the
 * positions, which the reader skips over.
 */
export const PAGE_RANGE_SQL = `SELECT ${PAGE_COLUMNS} FROM events WHERE global_position > ? AND global_position <= min(?, ? + ?) ${SIZE_LIMIT}`;

/** The page for reads with a type filter (after, upTo, the types as a JSON array, limit, PAGE_TEXT_BYTES). */
export const PAGE_TYPED_SQL =
  `SELECT ${PAGE_COLUMNS} FROM (SELECT * FROM events WHERE global_position > ? AND global_position <= ? ` +
  `AND type IN (SELECT value FROM json_each(?)) ORDER BY global_position LIMIT ?) ${SIZE_LIMIT}`;

/** A page as its query returns it: [rows, envelopes joined by U+001E (null when no rows)]. */
export type PageRow = [number, string | null];

/** The decimal digits in text[from, to) as a number; -1 when it is empty or holds anything else. */
function digitsIn(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The events of a page, payloads parsed (fresh objects), in position order; null when the page must
 * be read row by row instead. `after`: the position the page starts after.
 *
 * Why a non-null answer is exact: the text must hold exactly `count` records, each with at least
 * eight field separators before its own end, and each record's data (after the eighth) must parse as
 * JSON, which never holds a raw U+001E or U+001F. So the text holds exactly count - 1 record and
 * 8 × count field separators, all of them the query's own: no field held one, and every field is
 * cut where the row's column ends.
 */
export function decodePage(page: PageRow, after: number): RecordedEvent[] | null {
  const count = page[0];
  const text = page[1];
  if (count === 0) return [];
  if (text === null) return null;
  const events = new Array<RecordedEvent>(count);
  let at = 0;
  let previous = after;
  try {
    for (let i = 0; i < count; i++) {
      let end = text.indexOf(RECORD, at);
      if (end < 0) end = text.length;
      const c0 = text.indexOf(FIELD, at);
      const c1 = text.indexOf(FIELD, c0 + 1);
      const c2 = text.indexOf(FIELD, c1 + 1);
      const c3 = text.indexOf(FIELD, c2 + 1);
      const c4 = text.indexOf(FIELD, c3 + 1);
      const c5 = text.indexOf(FIELD, c4 + 1);
      const c6 = text.indexOf(FIELD, c5 + 1);
      const c7 = text.indexOf(FIELD, c6 + 1);
      if (c0 < 0 || c1 < 0 || c2 < 0 || c3 < 0 || c4 < 0 || c5 < 0 || c6 < 0 || c7 < 0 || c7 > end) return null;
      const globalPosition = digitsIn(text, at, c0);
      const streamVersion = digitsIn(text, c2 + 1, c3);
      const schemaVersion = digitsIn(text, c4 + 1, c5);
      if (globalPosition <= previous || streamVersion < 0 || schemaVersion < 0) return null;
      events[i] = {
        globalPosition,
        streamId: text.slice(c1 + 1, c2),
        streamVersion,
        eventId: text.slice(c3 + 1, c4),
        type: text.slice(c0 + 1, c1),
        schemaVersion,
        data: JSON.parse(text.slice(c7 + 1, end)),
        metadata: isEmptyObjectIn(text, c6 + 1, c7) ? {} : metadataIn(text.slice(c6 + 1, c7)),
        recordedAt: text.slice(c5 + 1, c6),
      };
      previous = globalPosition;
      at = end + 1;
    }
  } catch {
    return null; // a payload that is not JSON (or a separator in a name pushed into it): the rows will say which
  }
  return at === text.length + 1 ? events : null;
}

/** Stored metadata other than {}: a JSON object, or the page goes row by row (which names the damage). */
function metadataIn(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('metadata is not an object');
  return value as Record<string, unknown>;
}

/**
 * The events of a page as LazyRecordedEvents over their own envelopes (slices of the page text:
 * nothing parsed yet); null when the page must be read row by row. A lazy event is cut apart only
 * when read, so the split is vouched for here instead: each record must hold exactly eight field
 * separators before its own end and begin with a position past the one before.
 */
export function decodeLazyPage(page: PageRow, after: number): LazyRecordedEvent[] | null {
  const count = page[0];
  const text = page[1];
  if (count === 0) return [];
  if (text === null) return null;
  const events = new Array<LazyRecordedEvent>(count);
  let at = 0;
  let previous = after;
  for (let i = 0; i < count; i++) {
    let end = text.indexOf(RECORD, at);
    if (end < 0) end = text.length;
    const first = text.indexOf(FIELD, at);
    let cut = first;
    for (let k = 1; k < 8 && cut >= 0; k++) cut = text.indexOf(FIELD, cut + 1);
    if (first < 0 || cut < 0 || cut > end) return null;
    const ninth = text.indexOf(FIELD, cut + 1);
    if (ninth >= 0 && ninth < end) return null;
    const globalPosition = digitsIn(text, at, first);
    if (globalPosition <= previous) return null;
    events[i] = new LazyRecordedEvent(text.slice(at, end));
    previous = globalPosition;
    at = end + 1;
  }
  return at === text.length + 1 ? events : null;
}

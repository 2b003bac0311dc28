// A stored event row as one text, the way a catch-up read fetches it: SQLite joins the columns with
// a separator and the driver hands over one string per event instead of an array of nine values
// (making that array and its values is most of the driver's cost per row). This module holds the SQL
// expression and the pure decoder of such a text. Pure TypeScript, no Node imports.
import type { RecordedEvent } from './types';

/** U+001F (unit separator): JSON text never holds it raw; a row whose names do travels as plain columns instead. */
export const ENVELOPE_SEPARATOR = '\x1f';

/**
 * The SQL expression of one row's envelope, in this order (what catch-up readers look at first, first):
 * global_position ␟ type ␟ stream_id ␟ stream_version ␟ event_id ␟ schema_version ␟ recorded_at ␟ metadata ␟ data
 * The numbers cannot hold the separator and the payloads are JSON text, which never holds it raw (a
 * payload that did would fail to parse either way). The names and recorded_at are checked, and a
 * row where one holds it comes out as NULL: the reader then reads its page as plain rows.
 */
export const ENVELOPE_SQL =
  "CASE WHEN instr(stream_id, '\x1f') + instr(event_id, '\x1f') + instr(type, '\x1f') + instr(recorded_at, '\x1f') = 0 " +
  "THEN concat_ws('\x1f', global_position, type, stream_id, stream_version, event_id, schema_version, recorded_at, metadata, data) END";

/** The same envelope without the check (a page decoder that checks the separators itself, pageText.ts). */
export const UNCHECKED_ENVELOPE_SQL = "concat_ws('\x1f', global_position, type, stream_id, stream_version, event_id, schema_version, recorded_at, metadata, data)";

/** Whether text[from, to) is the empty metadata '{}' (left unparsed: {} is made when read). */
export function isEmptyObjectIn(text: string, from: number, to: number): boolean {
  return to - from === 2 && text.charCodeAt(from) === 123 && text.charCodeAt(from + 1) === 125;
}

/** The decimal integer in text[from, to) (digits only, as SQLite writes a non-negative integer). */
export function integerIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** The global position that opens an envelope (what a pager needs from the last event of a page). */
export function envelopePosition(text: string): number {
  return integerIn(text, 0, text.indexOf(ENVELOPE_SEPARATOR));
}

const cuts = new Int32Array(8);

/**
 * Where the eight separators of an envelope are, in one reused array (valid until the next call):
 * field k lies between cuts[k-1] + 1 and cuts[k]. Throws on a text that is not an envelope.
 */
export function envelopeCuts(text: string): Int32Array {
  let at = -1;
  for (let k = 0; k < 8; k++) {
    at = text.indexOf(ENVELOPE_SEPARATOR, at + 1);
    if (at < 0) throw new Error(`not a stored event envelope: ${JSON.stringify(text.slice(0, 80))}`);
    cuts[k] = at;
  }
  return cuts;
}

/** The event an envelope holds, payloads parsed (what an eager read returns). */
export function decodeEnvelope(text: string): RecordedEvent {
  const c = envelopeCuts(text);
  return {
    globalPosition: integerIn(text, 0, c[0]),
    streamId: text.slice(c[1] + 1, c[2]),
    streamVersion: integerIn(text, c[2] + 1, c[3]),
    eventId: text.slice(c[3] + 1, c[4]),
    type: text.slice(c[0] + 1, c[1]),
    schemaVersion: integerIn(text, c[4] + 1, c[5]),
    data: JSON.parse(text.slice(c[7] + 1)),
    metadata: isEmptyObjectIn(text, c[6] + 1, c[7]) ? {} : (JSON.parse(text.slice(c[6] + 1, c[7])) as Record<string, unknown>),
    recordedAt: text.slice(c[5] + 1, c[6]),
  };
}

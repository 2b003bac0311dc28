// A stored event that stays one text (its row's envelope, see envelope.ts) until someone reads it:
// what readAll({ lazy: true }) hands a catch-up reader that skips most events or most of their
// fields. Nothing is split or parsed while a page is read; a field is cut out of the text when it or
// a field after it is first read (the envelope puts position, type and stream first), and `data` /
// `metadata` are parsed only when read themselves. Pure TypeScript (no Node imports).
import { ENVELOPE_SEPARATOR, integerIn, isEmptyObjectIn } from './envelope';
import { parseStoredJson, parseStoredMetadata } from './storedJson';
import type { RecordedEvent } from './types';

// How many of the envelope's fields (in its order, envelope.ts) are apart once each field is.
const POSITION = 1;
const TYPE = 2;
const STREAM_ID = 3;
const STREAM_VERSION = 4;
const EVENT_ID = 5;
const SCHEMA_VERSION = 6;
const RECORDED_AT = 7;
const PAYLOADS = 9;

/**
 * A RecordedEvent decoded on first access (once; later reads return the same values and objects,
 * which the reader may change freely, as with any read). Every field is an accessor on the
 * prototype, so JSON.stringify sees them (through toJSON) but a spread, Object.keys or
 * structuredClone does not: call toPlain() first when the event leaves the reader.
 */
export class LazyRecordedEvent implements RecordedEvent {
  /** The envelope while some field is still in it, then null. */
  #text: string | null;
  /** How many fields were cut out of the text so far, and where the next one starts. */
  #done = 0;
  #at = 0;
  #globalPosition = 0;
  #type = '';
  #streamId = '';
  #streamVersion = 0;
  #eventId = '';
  #schemaVersion = 0;
  #recordedAt = '';
  #dataText: string | null = null;
  #data: unknown = null;
  /** null with #metadata null: the empty metadata ({}), made only when read. */
  #metadataText: string | null = null;
  #metadata: Record<string, unknown> | null = null;

  constructor(envelope: string) {
    this.#text = envelope;
  }

  /** The same from fields already apart (payloads still JSON text; metadata null for {}). */
  static fromFields(
    globalPosition: number,
    streamId: string,
    streamVersion: number,
    eventId: string,
    type: string,
    schemaVersion: number,
    dataText: string,
    metadataText: string | null,
    recordedAt: string,
  ): LazyRecordedEvent {
    const e = new LazyRecordedEvent('');
    e.#text = null;
    e.#done = PAYLOADS;
    e.#globalPosition = globalPosition;
    e.#streamId = streamId;
    e.#streamVersion = streamVersion;
    e.#eventId = eventId;
    e.#type = type;
    e.#schemaVersion = schemaVersion;
    e.#dataText = dataText;
    e.#metadataText = metadataText;
    e.#recordedAt = recordedAt;
    return e;
  }

  /** Cuts fields out of the envelope until the first `count` are apart. */
  #cut(count: number): void {
    const text = this.#text as string;
    let at = this.#at;
    let done = this.#done;
    while (done < count) {
      const end = text.indexOf(ENVELOPE_SEPARATOR, at);
      if (end < 0) throw new Error(`not a stored event envelope: ${JSON.stringify(text.slice(0, 80))}`);
      switch (++done) {
        case POSITION:
          this.#globalPosition = integerIn(text, at, end);
          break;
        case TYPE:
          this.#type = text.slice(at, end);
          break;
        case STREAM_ID:
          this.#streamId = text.slice(at, end);
          break;
        case STREAM_VERSION:
          this.#streamVersion = integerIn(text, at, end);
          break;
        case EVENT_ID:
          this.#eventId = text.slice(at, end);
          break;
        case SCHEMA_VERSION:
          this.#schemaVersion = integerIn(text, at, end);
          break;
        case RECORDED_AT:
          this.#recordedAt = text.slice(at, end);
          break;
        default:
          // metadata, then data: the rest of the text
          this.#metadataText = isEmptyObjectIn(text, at, end) ? null : text.slice(at, end);
          this.#dataText = text.slice(end + 1);
          done = PAYLOADS;
          this.#text = null;
      }
      at = end + 1;
    }
    this.#done = done;
    this.#at = at;
  }

  get globalPosition(): number {
    if (this.#done < POSITION) this.#cut(POSITION);
    return this.#globalPosition;
  }

  set globalPosition(value: number) {
    if (this.#done < POSITION) this.#cut(POSITION);
    this.#globalPosition = value;
  }

  get type(): string {
    if (this.#done < TYPE) this.#cut(TYPE);
    return this.#type;
  }

  set type(value: string) {
    if (this.#done < TYPE) this.#cut(TYPE);
    this.#type = value;
  }

  get streamId(): string {
    if (this.#done < STREAM_ID) this.#cut(STREAM_ID);
    return this.#streamId;
  }

  set streamId(value: string) {
    if (this.#done < STREAM_ID) this.#cut(STREAM_ID);
    this.#streamId = value;
  }

  get streamVersion(): number {
    if (this.#done < STREAM_VERSION) this.#cut(STREAM_VERSION);
    return this.#streamVersion;
  }

  set streamVersion(value: number) {
    if (this.#done < STREAM_VERSION) this.#cut(STREAM_VERSION);
    this.#streamVersion = value;
  }

  get eventId(): string {
    if (this.#done < EVENT_ID) this.#cut(EVENT_ID);
    return this.#eventId;
  }

  set eventId(value: string) {
    if (this.#done < EVENT_ID) this.#cut(EVENT_ID);
    this.#eventId = value;
  }

  get schemaVersion(): number {
    if (this.#done < SCHEMA_VERSION) this.#cut(SCHEMA_VERSION);
    return this.#schemaVersion;
  }

  set schemaVersion(value: number) {
    if (this.#done < SCHEMA_VERSION) this.#cut(SCHEMA_VERSION);
    this.#schemaVersion = value;
  }

  get recordedAt(): string {
    if (this.#done < RECORDED_AT) this.#cut(RECORDED_AT);
    return this.#recordedAt;
  }

  set recordedAt(value: string) {
    if (this.#done < RECORDED_AT) this.#cut(RECORDED_AT);
    this.#recordedAt = value;
  }

  get data(): unknown {
    if (this.#done < PAYLOADS) this.#cut(PAYLOADS);
    const text = this.#dataText;
    if (text !== null) {
      this.#data = parseStoredJson(text, this.#globalPosition, 'data');
      this.#dataText = null;
    }
    return this.#data;
  }

  set data(value: unknown) {
    if (this.#done < PAYLOADS) this.#cut(PAYLOADS);
    this.#dataText = null;
    this.#data = value;
  }

  get metadata(): Record<string, unknown> {
    if (this.#done < PAYLOADS) this.#cut(PAYLOADS);
    if (this.#metadata === null) {
      const text = this.#metadataText;
      this.#metadata = parseStoredMetadata(text, this.#globalPosition);
      this.#metadataText = null;
    }
    return this.#metadata;
  }

  set metadata(value: Record<string, unknown>) {
    if (this.#done < PAYLOADS) this.#cut(PAYLOADS);
    this.#metadataText = null;
    this.#metadata = value;
  }

  /** The same event as a plain object (payloads parsed now), the shape an eager read returns. */
  toPlain(): RecordedEvent {
    return {
      globalPosition: this.globalPosition,
      streamId: this.streamId,
      streamVersion: this.streamVersion,
      eventId: this.eventId,
      type: this.type,
      schemaVersion: this.schemaVersion,
      data: this.data,
      metadata: this.metadata,
      recordedAt: this.recordedAt,
    };
  }

  toJSON(): RecordedEvent {
    return this.toPlain();
  }
}

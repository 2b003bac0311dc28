// A stored event whose payloads stay JSON text until someone reads them: what readAll({ lazy: true })
// hands a catch-up reader that looks at positions, types and ids of many events but at the data of few.
// Parsing a payload costs about as much as reading its row, so a reader that skips most payloads
// reads the log about twice as fast. Pure TypeScript (no Node imports), like the rest of the types.
import type { RecordedEvent } from './types';

/**
 * A RecordedEvent with `data` and `metadata` parsed on first access (once; later reads return the
 * same object, which the reader may change freely, as with any read). Every other field is a plain
 * own property. `data` and `metadata` are accessors on the prototype, so JSON.stringify sees them
 * (through toJSON) but a spread, Object.keys or structuredClone does not: call toPlain() first when
 * the event leaves the reader.
 */
export class LazyRecordedEvent implements RecordedEvent {
  #dataText: string | null;
  #data: unknown = null;
  #metadataText: string | null;
  #metadata: Record<string, unknown> | null = null;

  constructor(
    public globalPosition: number,
    public streamId: string,
    public streamVersion: number,
    public eventId: string,
    public type: string,
    public schemaVersion: number,
    dataText: string,
    /** null: the common empty metadata ({}), made only when read. */
    metadataText: string | null,
    public recordedAt: string,
  ) {
    this.#dataText = dataText;
    this.#metadataText = metadataText;
  }

  get data(): unknown {
    const text = this.#dataText;
    if (text !== null) {
      this.#data = JSON.parse(text);
      this.#dataText = null;
    }
    return this.#data;
  }

  set data(value: unknown) {
    this.#dataText = null;
    this.#data = value;
  }

  get metadata(): Record<string, unknown> {
    if (this.#metadata === null) {
      const text = this.#metadataText;
      this.#metadata = text === null ? {} : (JSON.parse(text) as Record<string, unknown>);
      this.#metadataText = null;
    }
    return this.#metadata;
  }

  set metadata(value: Record<string, unknown>) {
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

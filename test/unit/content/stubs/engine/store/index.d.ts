// FALLBACK ONLY: the event store API as issue 3 specifies it, used by the lesson code-block check
// while electron/engine/store/index.ts does not exist. The checker maps '@engine/*' to the real
// engine first; delete this stub once the store has landed.
export interface NewEvent {
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
  eventId?: string;
  schemaVersion?: number;
}
export interface RecordedEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
}
export interface AppendResult {
  nextExpectedVersion: number;
  firstGlobalPosition: number;
  lastGlobalPosition: number;
  createdNewStream: boolean;
}
export type ExpectedVersion = number | 'any' | 'no_stream' | 'stream_exists';
export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options?: { expectedVersion?: ExpectedVersion }): AppendResult;
  readStream(
    streamId: string,
    options?: { fromVersion?: number; toVersion?: number; maxCount?: number; direction?: 'forward' | 'backward' },
  ): { events: RecordedEvent[]; currentVersion: number; streamExists: boolean };
  readAll(options?: { after?: number; maxCount?: number; types?: string[] }): RecordedEvent[];
  close(): void;
}
export declare function openEventStore(options: { path: string; durability?: 'normal' | 'full' }): EventStore;
export declare class ConcurrencyError extends Error {
  readonly code: 'CONCURRENCY';
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly actual: number;
}

// The event store's public face: the SQLite store (openEventStore), its in-memory twin, the types and errors.
// Other features import from here only; the sandbox imports '@engine/store/memory' directly (no SQLite).
export { openEventStore, SqliteEventStore, type OpenEventStoreOptions } from './sqliteStore';
export { createMemoryEventStore, MemoryEventStore, type MemoryEventStoreOptions } from './memory';
export { ConcurrencyError, DamagedEventError, EventIdConflictError, InvalidInputError, StoreClosedError } from './errors';
export { LazyRecordedEvent } from './lazyEvent';
export { DatabaseFileError, moveAside } from '../sqlite';
export { STORE_MIGRATIONS, STORE_NAMESPACE } from './schema';
export type * from './types';

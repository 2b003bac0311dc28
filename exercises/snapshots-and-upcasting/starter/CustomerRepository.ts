// Loads and saves customers. Loading starts from the latest usable snapshot and folds only the
// events after it, upcast to today's shapes; saving appends the new events and takes a snapshot
// every `snapshotEvery` versions.
// Загрузка и сохранение клиентов. Загрузка начинается с последнего годного снимка и сворачивает
// только события после него, поднятые до сегодняшних форм; сохранение дописывает новые события
// и делает снимок каждые `snapshotEvery` версий.
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

  // ─── Your task, part 2 / Ваше задание, часть 2 ──────────────────────────────────────────

  /**
   * The customer as of now, or null when there is no such customer.
   * Клиент на текущий момент или null, если такого клиента нет.
   *
   * 1. snapshot = this.snapshots.get(customerStreamId(customerId)). Use it only if
   *    snapshot.schema === SNAPSHOT_SCHEMA; a stale one is ignored (replay from the start).
   *    Используйте снимок, только если snapshot.schema === SNAPSHOT_SCHEMA; устаревший игнорируйте.
   * 2. Read ONLY the events after the snapshot: readStream(streamId, { fromVersion: snapshot.version + 1 })
   *    (fromVersion 1 without a snapshot). The snapshot already includes event number snapshot.version.
   *    Читайте ТОЛЬКО события после снимка; событие номер snapshot.version уже в нём.
   * 3. Start from copyCustomer(snapshot.state) (the snapshot store hands out its own object: never
   *    change it) or initialCustomer(), then state = evolve(state, upcast(stored)) for each event.
   *    Начните с copyCustomer(snapshot.state) (хранилище снимков отдаёт свой объект — не меняйте его)
   *    или с initialCustomer(), затем state = evolve(state, upcast(stored)) для каждого события.
   * 4. Return { state, version: the stream's currentVersion, snapshotVersion: snapshot.version or 0 };
   *    null when the stream does not exist (streamExists is false).
   *    Верните { state, version: currentVersion потока, snapshotVersion: snapshot.version или 0 };
   *    null, если потока нет (streamExists === false).
   */
  load(customerId: string): LoadedCustomer | null {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }

  /**
   * Appends new events after `loaded` (null for a new customer) and returns the customer after them.
   * The store refuses with 'CONCURRENCY' if the stream moved since it was loaded.
   */
  save(customerId: string, loaded: LoadedCustomer | null, events: CustomerEvent[]): LoadedCustomer {
    // Given: you do not need to change save. / Готово: save менять не нужно.
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

  /**
   * Writes a snapshot when this save took the version past a multiple of this.snapshotEvery.
   * Делает снимок, когда это сохранение перевело версию через кратное this.snapshotEvery.
   *
   * With snapshotEvery 3: saving versions 1→2 writes none, 2→4 writes one at 4 (it passed 3),
   * 4→5 none, 5→6 one at 6. Compare Math.floor(version / every) before and after.
   * При snapshotEvery 3: 1→2 — нет снимка, 2→4 — снимок на 4 (прошли 3), 4→5 — нет, 5→6 — снимок на 6.
   * Сравните Math.floor(version / every) до и после.
   *
   * The snapshot: { streamId: customerStreamId(customerId), version: saved.version,
   *   schema: SNAPSHOT_SCHEMA, state: a COPY of saved.state (copyCustomer) } → this.snapshots.put(...).
   * The caller keeps changing saved.state; the snapshot must not change with it.
   * Снимок хранит КОПИЮ saved.state (copyCustomer): вызывающий код продолжает менять saved.state.
   */
  private snapshotIfDue(customerId: string, previousVersion: number, saved: LoadedCustomer): void {
    // TODO: replace this line with your code. / Замените эту строку своим кодом.
    throw new Error('not implemented');
  }
}

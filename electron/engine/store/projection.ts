// runProjection: catches a projection up to the head in transactions that hold both the handler's
// writes and the checkpoint, so rows kept in the store's own database are written exactly once.
import { InvalidInputError } from './errors';
import type { ProjectionDefinition, ProjectionRunResult, ReadAllOptions, RecordedEvent } from './types';
import { checkVersionNumber } from './validate';

const DEFAULT_BATCH = 500;

/** What running a projection needs from a store. */
export interface ProjectionAccess {
  transaction<T>(fn: () => T): T;
  /** A nested transaction (savepoint) inside the current one. */
  savepoint<T>(fn: () => T): T;
  getCheckpoint(name: string): number;
  setCheckpoint(name: string, position: number): void;
  headPosition(): number;
  readAll(options?: ReadAllOptions): RecordedEvent[];
}

export function runProjection(store: ProjectionAccess, projection: ProjectionDefinition): ProjectionRunResult {
  const { name, apply } = checkProjection(projection);
  const batchSize = projection.batchSize === undefined ? DEFAULT_BATCH : checkVersionNumber(projection.batchSize, 'batchSize', 1);
  let processed = 0;
  let position = 0;
  for (;;) {
    let failure: { error: unknown; event: RecordedEvent } | undefined;
    const done = store.transaction(() => {
      // Read the checkpoint inside the transaction: another process may run the same projection.
      position = store.getCheckpoint(name);
      const head = store.headPosition();
      if (position >= head) return true;
      const batch = store.readAll({ after: position, upTo: head, maxCount: batchSize, types: projection.types });
      let last = position;
      for (const event of batch) {
        try {
          // A savepoint per event: a throwing handler leaves no half-written rows behind.
          store.savepoint(() => {
            const r = apply(event) as unknown;
            if (r && typeof (r as Promise<unknown>).then === 'function') {
              throw new InvalidInputError("A projection's apply must be synchronous (it runs inside a transaction); use subscribe for async handlers");
            }
          });
        } catch (error) {
          failure = { error, event };
          break;
        }
        last = event.globalPosition;
        processed++;
      }
      // A short (type-filtered) batch means nothing else matches up to head.
      if (!failure && batch.length < batchSize) last = head;
      if (last !== position) store.setCheckpoint(name, last);
      position = last;
      return false;
    });
    if (failure) {
      const { error, event } = failure;
      throw new Error(`Projection "${name}" failed on ${event.type} at global position ${event.globalPosition}: ${(error as Error)?.message ?? String(error)}`, {
        cause: error,
      });
    }
    if (done) return { processed, position };
  }
}

export function checkSubscriptionName(name: unknown): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200) {
    throw new InvalidInputError('A subscription or projection needs a name (1–200 characters): its checkpoint is stored under it');
  }
  return name;
}

export function isAsync(fn: unknown): boolean {
  return (fn as { constructor?: { name?: string } }).constructor?.name === 'AsyncFunction';
}

export function checkProjection(projection: ProjectionDefinition): { name: string; apply: (event: RecordedEvent) => void } {
  if (!projection || typeof projection.apply !== 'function') throw new InvalidInputError('A projection needs { name, apply(event) }');
  if (isAsync(projection.apply)) {
    throw new InvalidInputError(`Projection "${String(projection.name)}": apply must be synchronous (it runs inside a transaction); use subscribe for async handlers`);
  }
  return { name: checkSubscriptionName(projection.name), apply: projection.apply };
}

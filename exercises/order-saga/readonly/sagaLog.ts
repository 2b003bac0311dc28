// Where the saga writes down what it did. The log survives the process: after a crash, the saga
// is run again with the same log and carries on from what is written there.
import type { SagaEntry } from './saga';

export interface SagaLog {
  /** Every entry of this saga so far, oldest first (a copy). */
  read(sagaId: string): SagaEntry[];
  /** Adds one entry. May throw if the process dies right here. */
  append(sagaId: string, entry: SagaEntry): void;
}

export function createMemorySagaLog(): SagaLog {
  const entries = new Map<string, SagaEntry[]>();
  return {
    read: (sagaId) => (entries.get(sagaId) ?? []).map((entry) => ({ ...entry })),
    append(sagaId, entry) {
      const list = entries.get(sagaId) ?? [];
      list.push({ ...entry });
      entries.set(sagaId, list);
    },
  };
}

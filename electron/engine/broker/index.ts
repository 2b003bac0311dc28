// Public face of the simulated broker. Pure TypeScript (no Node imports): it also runs inside the
// exercise sandbox as '@engine/broker'. SQLite helpers for the relay live in ./sqlite (Node only).
import { Broker, type BrokerOptions } from './broker';
import type { SimClock } from './clock';
import type { Clock } from './types';

export { Broker, type BrokerOptions } from './broker';
export { Consumer } from './consumer';
export { Producer } from './producer';
export { BrokerError, type BrokerErrorCode } from './errors';
export { createSimClock, type SimClock } from './clock';
export { partitionForKey, murmur2, murmur2Bytes, toPositive } from './murmur2';
export { assignors, javaHashMapOrder, javaStringHash, type AssignFn, type AssignorMember } from './assignors';
export type { JournalEntry, JournalEntryBody, JournalEntryType, PolledRange, RebalanceMember, LeaveReason } from './journal';
export * from './types';
export { createRetryingConsumer, RETRY_HEADERS, type RetryingConsumer, type RetryOptions, type RetryStepResult } from './retry';
export { createRelay, createMemoryCheckpointStore, relayRecord, RELAY_HEADERS, type Relay, type RelayOptions, type RelaySource, type RelayEvent, type CheckpointStore } from './relay';
export { createMemoryInbox, eventIdOf, type Inbox } from './inbox';

/** A new in-process broker. Same seed + clock + script ⇒ same journal. */
export function createBroker<C extends Clock = SimClock>(options?: BrokerOptions<C>): Broker<C> {
  return new Broker<C>(options);
}

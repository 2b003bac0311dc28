// What producers, consumers and the group coordinator need from the broker that created them, as
// interfaces, so producer.ts, consumer.ts and coordinator.ts depend on these and not on the Broker
// class (which creates them: no import circle). The Broker implements both. A consumer's group
// membership goes through the coordinator's own interface (GroupMembership in coordinator.ts).
import type { JournalInput } from './journal';
import type { PartitionLog } from './log';
import type { TopicState } from './state';
import type { Clock, TopicPartitionOffset } from './types';

/** A producer's view of the broker: topics to append to, time, and the journal. */
export interface ProducerHost {
  readonly clock: Clock;
  topic(name: string): TopicState;
  record(body: JournalInput): void;
  /** A 'commit' entry; `offsets` holds `offsetCount` × (topic, partition, offset) and is copied. */
  recordCommit(groupId: string, memberId: string, generation: number, auto: boolean, offsets: readonly (string | number)[], offsetCount: number): void;
}

/** A consumer's view of the broker: partition logs, offset checks, randomness and the journal. */
export interface ConsumerHost extends ProducerHost {
  readonly random: () => number;
  randomHex(): string;
  partitionLog(topic: string, partition: number): PartitionLog;
  validateOffsets(offsets: readonly TopicPartitionOffset[]): void;
  /** A 'poll' entry; `ranges` holds `rangeCount` × (topic, partition, fromOffset, toOffset, count) and is copied. */
  recordPoll(groupId: string, memberId: string, generation: number, ranges: readonly (string | number)[], rangeCount: number, count: number, heldBack: number): void;
}

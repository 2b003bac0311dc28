// What producers and consumers need from the broker that created them, as interfaces, so producer.ts
// and consumer.ts depend on these and not on the Broker class (which creates them: no import circle).
// The Broker implements both; nothing outside the broker folder uses these members.
import type { JournalEntryBody, LeaveReason } from './journal';
import type { PartitionLog } from './log';
import type { GroupState, MemberState, TopicState } from './state';
import type { Clock, TopicPartitionOffset } from './types';

/** A producer's view of the broker: topics to append to, time, and the journal. */
export interface ProducerHost {
  readonly clock: Clock;
  topic(name: string): TopicState;
  record(body: JournalEntryBody): void;
}

/** A consumer's view of the broker: its group's coordination, partition logs, offsets and the journal. */
export interface ConsumerHost extends ProducerHost {
  readonly random: () => number;
  readonly groups: ReadonlyMap<string, GroupState>;
  randomHex(): string;
  partitionLog(topic: string, partition: number): PartitionLog;
  group(groupId: string): GroupState;
  assertNotRebalancing(what: string): void;
  join(member: MemberState, topics: string[]): void;
  changeSubscription(member: MemberState, topics: string[]): void;
  leave(member: MemberState, reason: LeaveReason): void;
  crash(member: MemberState): void;
  maintain(force?: boolean): void;
  validateOffsets(offsets: readonly TopicPartitionOffset[]): void;
  commitOffsets(member: MemberState, offsets: readonly TopicPartitionOffset[], auto: boolean): void;
  commitPositions(member: MemberState, auto: boolean): void;
}

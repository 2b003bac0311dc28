// One error class with a machine-readable code, so the UI and exercise tests can match on `code`.
import { CodedError } from '../common/codedError';

export type BrokerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_TOPIC'
  | 'TOPIC_EXISTS'
  | 'PARTITION_OUT_OF_RANGE'
  | 'INVALID_OFFSET'
  | 'NOT_SERIALIZABLE'
  | 'INVALID_RECORD'
  | 'NOT_ASSIGNED'
  | 'COMMIT_FAILED'
  | 'NO_OFFSET_FOR_PARTITION'
  | 'INCONSISTENT_GROUP_PROTOCOL'
  | 'CONSUMER_CLOSED'
  | 'NOT_SUBSCRIBED'
  | 'OUT_OF_ORDER_SEQUENCE';

export class BrokerError extends CodedError {
  constructor(
    readonly code: BrokerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

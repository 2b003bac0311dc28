// Retry with backoff and a dead-letter topic: write `backoffDelay`, `handle` and `pollOnce`.
// Повтор с задержкой и топик недоставленных сообщений: напишите `backoffDelay`, `handle` и `pollOnce`.
//
// backoffDelay(n, policy): the wait after the n-th failed try: baseDelayMs × 2^(n−1), at most maxDelayMs.
//   Задержка после n-й неудачи: baseDelayMs × 2^(n−1), но не больше maxDelayMs.
// handle(record): parsePayment(record.value) failing → park in the DLT at once. Else mail.sendReceipt:
//   a TransientError → clock.sleep(backoffDelay(...)) and try again, up to policy.maxAttempts tries,
//   then park ('retries-exhausted'); any other error → park at once ('permanent-error'); a ProcessCrash
//   → rethrow. Park = deadLetters.send(DLT_TOPIC, the original key, value and headers + DLT_HEADERS).
//   Never wait with real time (no setTimeout, no Date.now loops): only clock.sleep.
//   Временная ошибка — повтор после clock.sleep; безнадёжная — сразу в DLT; ProcessCrash — пробросить.
// pollOnce: poll, handle each record in order, commit offset + 1 only AFTER the record is done.
//   Фиксируйте смещение только ПОСЛЕ того, как запись обработана.
import type { PaymentRecord } from './payments';
import type { Clock, DeadLetterProducer, GroupMember, MailService, RetryPolicy } from './services';

/** The wait after the `failedAttempts`-th failed try: base, 2×base, 4×base, …, never above the cap. */
export function backoffDelay(failedAttempts: number, policy: RetryPolicy): number {
  void failedAttempts;
  void policy;
  throw new Error('not implemented');
}

export interface ReceiptDeps {
  member: GroupMember;
  mail: MailService;
  deadLetters: DeadLetterProducer;
  clock: Clock;
  policy: RetryPolicy;
}

export type Outcome = 'sent' | 'dead-lettered';

export class ReceiptConsumer {
  constructor(private readonly deps: ReceiptDeps) {}

  /** Handles one record: sends its receipt, retrying transient failures, or parks it in the DLT. */
  handle(record: PaymentRecord): Outcome {
    void this.deps;
    void record;
    throw new Error('not implemented');
  }

  /** Polls once, handles every record in order, and commits each one after it is done. */
  pollOnce(maxRecords = 50): { sent: number; deadLettered: number } {
    void maxRecords;
    throw new Error('not implemented');
  }
}

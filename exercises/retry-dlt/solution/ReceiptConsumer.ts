// A consumer that sends a receipt for every captured payment and never lets one bad message block
// its partition. A transient failure is retried after a wait that doubles each time (on the injected
// clock, never real time), up to the policy's number of tries; a message that can never succeed
// (not a payment, or refused by the mail service) is parked at once in the dead-letter topic, with its
// original key, value and headers plus why it failed. The offset is committed only after a record is
// done (sent or parked), so a crash means "again", never "lost".
// Потребитель квитанций: временный сбой повторяется с удваивающейся задержкой (по часам из
// зависимостей), безнадёжное сообщение сразу уходит в DLT с исходными ключом, значением и
// заголовками; смещение фиксируется только после того, как запись обработана.
import { DLT_TOPIC, parsePayment, type PaymentRecord } from './payments';
import {
  DLT_HEADERS,
  isCrash,
  isTransient,
  type Clock,
  type DeadLetterProducer,
  type DeadLetterReason,
  type GroupMember,
  type MailService,
  type RetryPolicy,
} from './services';

/** The wait after the `failedAttempts`-th failed try: base, 2×base, 4×base, …, never above the cap. */
export function backoffDelay(failedAttempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
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
    let payment;
    try {
      payment = parsePayment(record.value);
    } catch (error) {
      return this.park(record, 'permanent-error', error, 1);
    }
    const { maxAttempts } = this.deps.policy;
    for (let attempt = 1; ; attempt++) {
      try {
        this.deps.mail.sendReceipt(payment);
        return 'sent';
      } catch (error) {
        if (isCrash(error)) throw error; // the process is gone: nothing more happens here
        if (!isTransient(error)) return this.park(record, 'permanent-error', error, attempt);
        if (attempt >= maxAttempts) return this.park(record, 'retries-exhausted', error, attempt);
        this.deps.clock.sleep(backoffDelay(attempt, this.deps.policy));
      }
    }
  }

  /** Polls once, handles every record in order, and commits each one after it is done. */
  pollOnce(maxRecords = 50): { sent: number; deadLettered: number } {
    const counts = { sent: 0, deadLettered: 0 };
    for (const record of this.deps.member.poll({ maxRecords })) {
      const outcome = this.handle(record);
      if (outcome === 'sent') counts.sent++;
      else counts.deadLettered++;
      this.deps.member.commit([{ topic: record.topic, partition: record.partition, offset: record.offset + 1 }]);
    }
    return counts;
  }

  /** Sends the record to the DLT as it came (key, value, headers), plus why and after how many tries. */
  private park(record: PaymentRecord, reason: DeadLetterReason, error: unknown, attempts: number): Outcome {
    this.deps.deadLetters.send(DLT_TOPIC, {
      key: record.key,
      value: record.value,
      headers: {
        ...record.headers,
        [DLT_HEADERS.reason]: reason,
        [DLT_HEADERS.error]: error instanceof Error ? error.message : String(error),
        [DLT_HEADERS.attempts]: String(attempts),
        [DLT_HEADERS.topic]: record.topic,
        [DLT_HEADERS.partition]: String(record.partition),
        [DLT_HEADERS.offset]: String(record.offset),
      },
    });
    return 'dead-lettered';
  }
}

// What the receipt consumer talks to: the consumer group member it polls, the mail service that sends
// receipts, the producer of the dead-letter topic, and a clock whose `sleep` is simulated (time moves
// at once, nothing waits). Errors say whether trying again can help.
// С чем работает потребитель: участник группы, почтовый сервис, производитель в DLT и часы, чей
// `sleep` моделируется (время сдвигается сразу, никто не ждёт). Ошибки говорят, поможет ли повтор.
import type { PaymentCaptured, PaymentRecord } from './payments';

/**
 * A message in English and in Russian; the app shows the reader's half (the tests' `say()` in the
 * same form). / Сообщение на английском и на русском; приложение показывает половину на языке читателя.
 */
export function bilingual(en: string, ru: string): string {
  return `${en}\u241E${ru}`;
}

/** A failure that may go away: a timeout, a service restarting. Worth another try, later. */
export class TransientError extends Error {
  readonly code = 'TRANSIENT';
  constructor(message: string) {
    super(message);
    this.name = 'TransientError';
  }
}

/** The mail service refused the receipt for good (a malformed address, a blocked domain). */
export class MailRejected extends Error {
  readonly code = 'MAIL_REJECTED';
  constructor(message: string) {
    super(message);
    this.name = 'MailRejected';
  }
}

/** The process died at this point (a simulated crash). It is not an error to handle: let it through. */
export class ProcessCrash extends Error {
  readonly code = 'PROCESS_CRASH';
  /** `at`: the call that was running, e.g. 'commit'. / Вызов, во время которого упал процесс. */
  constructor(at: string) {
    super(bilingual(`the process crashed during ${at}`, `процесс упал во время вызова ${at}`));
    this.name = 'ProcessCrash';
  }
}

export function isTransient(error: unknown): boolean {
  return error instanceof TransientError;
}

export function isCrash(error: unknown): boolean {
  return error instanceof ProcessCrash;
}

/** The slice of a consumer group member the handler uses. */
export interface GroupMember {
  /** The next records of this member's partitions, oldest first. */
  poll(options?: { maxRecords?: number }): PaymentRecord[];
  /** Commits: `offset` is the NEXT record to read after a restart (the handled record's offset + 1). */
  commit(offsets: Array<{ topic: string; partition: number; offset: number }>): void;
}

export interface MailService {
  /** Sends the receipt; throws TransientError, MailRejected, or (in tests) ProcessCrash. */
  sendReceipt(payment: PaymentCaptured): void;
}

/** A message for the dead-letter topic. */
export interface DeadLetter {
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

export interface DeadLetterProducer {
  /** Appends the message to the topic; throws when the broker cannot take it. */
  send(topic: string, message: DeadLetter): void;
}

/** Time in milliseconds. `sleep` moves the simulated clock forward; it never waits for real. */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each next one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

/** The headers the consumer adds to a dead letter (next to the original record's headers). */
export const DLT_HEADERS = {
  reason: 'dlt-reason',
  error: 'dlt-error',
  attempts: 'dlt-attempts',
  topic: 'original-topic',
  partition: 'original-partition',
  offset: 'original-offset',
} as const;

/** Why a message was parked: it can never succeed, or it kept failing until the tries ran out. */
export type DeadLetterReason = 'permanent-error' | 'retries-exhausted';

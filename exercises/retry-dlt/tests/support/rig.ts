// A test rig for the receipt consumer over the engine's broker: a `payments` topic and its DLT, a
// simulated clock (the consumer's `sleep` moves it), a mail service that follows a script per payment
// (succeed, time out, refuse, crash), a DLT producer that can be down or crash, and a group member
// that can be restarted as after a crash. It records every mail attempt with the simulated time.
// The mail service answers with error codes ('ADDRESS_REFUSED'), the same in every language, as the
// consumer copies them into dead letters; errors a student meets as thrown say it in both languages.
import { createBroker, createSimClock, type Consumer, type ProducerRecord } from '@engine/broker';
import { ReceiptConsumer } from '@workspace/ReceiptConsumer';
import { DLT_TOPIC, PAYMENTS_TOPIC, type PaymentCaptured, type PaymentRecord } from '@workspace/payments';
import { bilingual, DEFAULT_POLICY, MailRejected, ProcessCrash, TransientError, type DeadLetter, type GroupMember, type RetryPolicy } from '@workspace/services';

export const GROUP = 'receipts';

export function payment(n: number, email = `buyer${n}@example.org`): PaymentCaptured {
  return { type: 'PaymentCaptured', eventId: `pay-evt-${n}`, orderId: `o-${n}`, amount: 1000 + n, email };
}

/** What the mail service does on one try: send, time out, refuse for good, or kill the process. */
export type MailStep = 'ok' | 'timeout' | 'reject' | 'crash';

export interface Attempt {
  eventId: string;
  at: number;
  result: MailStep;
}

/** A try past this many for one payment means the consumer never gives up: the mail refuses for good. */
export const GIVE_UP_AFTER = 30;

export function newRig(policy: RetryPolicy = DEFAULT_POLICY, partitions = 1) {
  const clock = createSimClock(0);
  const broker = createBroker({ clock, seed: 4 });
  broker.createTopic(PAYMENTS_TOPIC, { partitions });
  broker.createTopic(DLT_TOPIC, { partitions });
  const producer = broker.producer({ clientId: 'payments-service' });
  const scripts = new Map<string, MailStep[]>();
  const attempts: Attempt[] = [];
  const sleeps: number[] = [];
  const faults = { dltDown: false, crashOnDltSend: false, crashOnCommit: false };
  const commits: Array<{ partition: number; offset: number }> = [];

  const mail = {
    sendReceipt(p: PaymentCaptured): void {
      const script = scripts.get(p.eventId) ?? [];
      const tries = attempts.filter((a) => a.eventId === p.eventId).length;
      const step: MailStep = tries >= GIVE_UP_AFTER ? 'reject' : (script.shift() ?? 'ok');
      attempts.push({ eventId: p.eventId, at: clock.now(), result: step });
      if (step === 'timeout') throw new TransientError('MAIL_SERVER_TIMEOUT');
      if (step === 'reject') throw new MailRejected(tries >= GIVE_UP_AFTER ? 'TOO_MANY_TRIES' : 'ADDRESS_REFUSED');
      if (step === 'crash') throw new ProcessCrash('sendReceipt');
    },
  };

  const dltProducer = broker.producer({ clientId: 'receipts-dlt' });
  const deadLetters = {
    send(topic: string, message: DeadLetter): void {
      if (faults.crashOnDltSend) {
        faults.crashOnDltSend = false;
        throw new ProcessCrash('deadLetters.send');
      }
      if (faults.dltDown) throw new Error(bilingual('the broker is not reachable', 'брокер недоступен'));
      dltProducer.send(topic, [{ key: message.key, value: message.value, headers: message.headers }]);
    },
  };

  let consumer: Consumer | undefined;
  let instance = 0;
  function startMember(): GroupMember {
    instance++;
    consumer = broker.consumer({ groupId: GROUP, clientId: `receipts-${instance}`, autoOffsetReset: 'earliest' });
    consumer.subscribe([PAYMENTS_TOPIC]);
    const own = consumer;
    return {
      poll: (options) => own.poll(options) as unknown as PaymentRecord[],
      commit(offsets) {
        if (faults.crashOnCommit) {
          faults.crashOnCommit = false;
          throw new ProcessCrash('commit');
        }
        own.commit(offsets);
        for (const { partition, offset } of offsets) commits.push({ partition, offset });
      },
    };
  }

  /** The student's consumer over a fresh group member (after a restart, it resumes from the committed offsets). */
  function receiptConsumer(): ReceiptConsumer {
    return new ReceiptConsumer({
      member: startMember(),
      mail,
      deadLetters,
      clock: {
        now: () => clock.now(),
        sleep: (ms: number) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
      },
      policy,
    });
  }

  return {
    clock,
    mail,
    attempts,
    sleeps,
    faults,
    commits,
    /** The mail service's answers for one payment, try by try (then 'ok'). */
    script(eventId: string, steps: MailStep[]): void {
      scripts.set(eventId, [...steps]);
    },
    /** Publishes payments (or raw values: poison), keyed by order, with the usual headers. */
    publish(...items: Array<PaymentCaptured | { raw: string; key: string }>): void {
      producer.send(
        PAYMENTS_TOPIC,
        items.map((item): ProducerRecord =>
          'raw' in item
            ? { key: item.key, value: item.raw, headers: { 'event-type': 'PaymentCaptured', traceparent: `trace-${item.key}` } }
            : { key: item.orderId, value: JSON.stringify(item), headers: { 'event-id': item.eventId, 'event-type': 'PaymentCaptured', traceparent: `trace-${item.orderId}` } },
        ),
      );
    },
    receiptConsumer,
    /** The process dies: the member is gone without committing anything more. */
    crash(): void {
      consumer?.crash();
    },
    /** Everything in the DLT, partition 0 first. */
    deadLetters(): PaymentRecord[] {
      return Array.from({ length: partitions }, (_, p) => broker.read(DLT_TOPIC, p) as unknown as PaymentRecord[]).flat();
    },
    /** The group's committed offset of a payments partition (null when none). */
    committed(partition = 0): number | null {
      const group = broker.describe().groups.find((g) => g.groupId === GROUP);
      return group?.partitions.find((p) => p.topic === PAYMENTS_TOPIC && p.partition === partition)?.committed ?? null;
    },
    /** The event ids whose receipt went out (a successful try), in order. */
    receiptsSent(): string[] {
      return attempts.filter((a) => a.result === 'ok').map((a) => a.eventId);
    },
    /** The tries for one payment. */
    triesOf(eventId: string): Attempt[] {
      return attempts.filter((a) => a.eventId === eventId);
    },
  };
}

export type Rig = ReturnType<typeof newRig>;

/** Runs `action`, returns what it threw (or undefined). */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

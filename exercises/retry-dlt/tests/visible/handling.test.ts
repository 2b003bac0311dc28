// Handling one record: send the receipt; retry a transient failure after a growing wait on the
// simulated clock; park a message that can never succeed at once; give up after maxAttempts tries.
import { describe, expect, it } from 'vitest';
import { DLT_HEADERS } from '@workspace/services';
import { newRig, payment } from '../support/rig';

function firstRecord(rig: ReturnType<typeof newRig>) {
  const consumer = rig.receiptConsumer();
  return { consumer, handleAll: () => consumer.pollOnce() };
}

describe('handle', () => {
  it('sends the receipt on the first try without waiting', () => {
    const rig = newRig();
    rig.publish(payment(1));
    const result = firstRecord(rig).handleAll();
    expect({ result, sent: rig.receiptsSent(), sleeps: rig.sleeps, deadLetters: rig.deadLetters().length }).toEqual({ result: { sent: 1, deadLettered: 0 }, sent: ['pay-evt-1'], sleeps: [], deadLetters: 0 });
  });

  it('retries a timeout after 100 ms, then 200 ms, and sends on the third try', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'timeout']);
    rig.publish(payment(1));
    firstRecord(rig).handleAll();
    expect({ tries: rig.triesOf('pay-evt-1').map((t) => [t.at, t.result]), sleeps: rig.sleeps }).toEqual({
      tries: [
        [0, 'timeout'],
        [100, 'timeout'],
        [300, 'ok'],
      ],
      sleeps: [100, 200],
    });
  });

  it('after maxAttempts timeouts, parks the message with reason retries-exhausted', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
    rig.publish(payment(1));
    const result = firstRecord(rig).handleAll();
    const [parked] = rig.deadLetters();
    expect({ result, tries: rig.triesOf('pay-evt-1').length, reason: parked?.headers[DLT_HEADERS.reason], attempts: parked?.headers[DLT_HEADERS.attempts] }).toEqual({
      result: { sent: 0, deadLettered: 1 },
      tries: 4,
      reason: 'retries-exhausted',
      attempts: '4',
    });
  });

  it('parks a refused receipt at once: no retry, no wait', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['reject']);
    rig.publish(payment(1));
    firstRecord(rig).handleAll();
    expect({ tries: rig.triesOf('pay-evt-1').length, sleeps: rig.sleeps, reason: rig.deadLetters()[0]?.headers[DLT_HEADERS.reason] }).toEqual({ tries: 1, sleeps: [], reason: 'permanent-error' });
  });

  it('parks a poison message (not a payment) at once, without calling the mail service', () => {
    const rig = newRig();
    rig.publish({ raw: '{"type":"PaymentCaptured",', key: 'o-9' });
    const result = firstRecord(rig).handleAll();
    expect({ result, mailTries: rig.attempts.length, reason: rig.deadLetters()[0]?.headers[DLT_HEADERS.reason] }).toEqual({ result: { sent: 0, deadLettered: 1 }, mailTries: 0, reason: 'permanent-error' });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'handle': 'обработка записи (handle)',
  'sends the receipt on the first try without waiting': 'отправляет квитанцию с первой попытки без ожидания',
  'retries a timeout after 100 ms, then 200 ms, and sends on the third try': 'после тайм-аута повторяет через 100 мс, затем через 200 мс и отправляет с третьей попытки',
  'after maxAttempts timeouts, parks the message with reason retries-exhausted': 'после maxAttempts тайм-аутов откладывает сообщение с причиной retries-exhausted',
  'parks a refused receipt at once: no retry, no wait': 'отклонённую квитанцию откладывает сразу: без повторов и без ожидания',
  'parks a poison message (not a payment) at once, without calling the mail service': 'ядовитое сообщение (не платёж) откладывает сразу, не вызывая почтовый сервис',
};

// When each try happens on the simulated clock: the waits double from the base up to the cap, a
// refusal after a timeout ends the retries, one try means no retry, and records wait their turn.
import { describe, expect, it } from 'vitest';
import { DLT_HEADERS } from '@workspace/services';
import { newRig, payment } from '../support/rig';

describe('timing of the retries', () => {
  it('four timeouts: tries at 0, 100, 300 and 700 ms of simulated time, then parked', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'timeout', 'timeout', 'timeout']);
    rig.publish(payment(1));
    rig.receiptConsumer().pollOnce();
    expect({ at: rig.triesOf('pay-evt-1').map((t) => t.at), parkedAt: rig.clock.now() }).toEqual({ at: [0, 100, 300, 700], parkedAt: 700 });
  });

  it('follows the policy it is given: the waits double and stop growing at the cap', () => {
    const rig = newRig({ maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 300 });
    rig.script('pay-evt-1', Array(6).fill('timeout'));
    rig.publish(payment(1));
    rig.receiptConsumer().pollOnce();
    expect(rig.sleeps).toEqual([50, 100, 200, 300, 300]);
  });

  it('a refusal after a timeout ends the retries: parked after two tries as permanent-error', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'reject']);
    rig.publish(payment(1));
    rig.receiptConsumer().pollOnce();
    const headers = rig.deadLetters()[0]?.headers ?? {};
    expect({ sleeps: rig.sleeps, reason: headers[DLT_HEADERS.reason], attempts: headers[DLT_HEADERS.attempts], error: headers[DLT_HEADERS.error] }).toEqual({
      sleeps: [100],
      reason: 'permanent-error',
      attempts: '2',
      error: 'ADDRESS_REFUSED',
    });
  });

  it('maxAttempts 1 means no retry: one try, no wait, parked as retries-exhausted with the timeout\'s message', () => {
    const rig = newRig({ maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 1000 });
    rig.script('pay-evt-1', ['timeout']);
    rig.publish(payment(1));
    rig.receiptConsumer().pollOnce();
    const headers = rig.deadLetters()[0]?.headers ?? {};
    expect({ tries: rig.triesOf('pay-evt-1').length, sleeps: rig.sleeps, reason: headers[DLT_HEADERS.reason], error: headers[DLT_HEADERS.error] }).toEqual({
      tries: 1,
      sleeps: [],
      reason: 'retries-exhausted',
      error: 'MAIL_SERVER_TIMEOUT',
    });
  });

  it('records are handled in order: the next one is tried only after the one before is done', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'timeout']);
    rig.publish(payment(1), payment(2));
    rig.receiptConsumer().pollOnce();
    expect(rig.attempts.map((t) => [t.eventId, t.at, t.result])).toEqual([
      ['pay-evt-1', 0, 'timeout'],
      ['pay-evt-1', 100, 'timeout'],
      ['pay-evt-1', 300, 'ok'],
      ['pay-evt-2', 300, 'ok'],
    ]);
  });

  it('every record is committed once it is done, the parked ones too', () => {
    const rig = newRig();
    rig.script('pay-evt-2', ['reject']);
    rig.publish(payment(1), payment(2), payment(3));
    rig.receiptConsumer().pollOnce();
    expect(rig.commits).toEqual([
      { partition: 0, offset: 1 },
      { partition: 0, offset: 2 },
      { partition: 0, offset: 3 },
    ]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'timing of the retries': 'время повторов',
  'four timeouts: tries at 0, 100, 300 and 700 ms of simulated time, then parked': 'четыре тайм-аута: попытки на 0, 100, 300 и 700 мс модельного времени, затем сообщение откладывается',
  'follows the policy it is given: the waits double and stop growing at the cap': 'следует заданной политике: паузы удваиваются и упираются в потолок',
  'a refusal after a timeout ends the retries: parked after two tries as permanent-error': 'отказ после тайм-аута прекращает повторы: после двух попыток сообщение откладывается как permanent-error',
  'maxAttempts 1 means no retry: one try, no wait, parked as retries-exhausted with the timeout\'s message': 'maxAttempts 1 — значит без повторов: одна попытка, без ожидания, сообщение откладывается как retries-exhausted с текстом тайм-аута',
  'records are handled in order: the next one is tried only after the one before is done': 'записи обрабатываются по порядку: следующая пробуется только после того, как закончена предыдущая',
  'every record is committed once it is done, the parked ones too': 'каждая запись фиксируется, как только с ней закончено, отложенные тоже',
};

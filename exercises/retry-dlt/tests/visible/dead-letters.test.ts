// What a dead letter carries: the original key, value and headers, untouched, plus why it was parked,
// after how many tries, and where it came from, so a person can repair it and send it back.
import { describe, expect, it } from 'vitest';
import { DLT_TOPIC, PAYMENTS_TOPIC } from '@workspace/payments';
import { DLT_HEADERS } from '@workspace/services';
import { newRig, payment } from '../support/rig';

describe('dead letters', () => {
  it('go to the payments-dlt topic with the original key and the value byte for byte', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['reject']);
    rig.publish(payment(1));
    rig.receiptConsumer().pollOnce();
    const [parked] = rig.deadLetters();
    expect({ topic: parked?.topic, key: parked?.key, value: parked?.value }).toEqual({ topic: DLT_TOPIC, key: 'o-1', value: JSON.stringify(payment(1)) });
  });

  it('keep every original header and add the reason, the error, the tries and the origin', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['reject']);
    rig.publish(payment(1));
    rig.receiptConsumer().pollOnce();
    expect(rig.deadLetters()[0]?.headers).toEqual({
      'event-id': 'pay-evt-1',
      'event-type': 'PaymentCaptured',
      traceparent: 'trace-o-1',
      [DLT_HEADERS.reason]: 'permanent-error',
      [DLT_HEADERS.error]: 'ADDRESS_REFUSED',
      [DLT_HEADERS.attempts]: '1',
      [DLT_HEADERS.topic]: PAYMENTS_TOPIC,
      [DLT_HEADERS.partition]: '0',
      [DLT_HEADERS.offset]: '0',
    });
  });

  it('do not stop the partition: the records after a poison message are handled', () => {
    const rig = newRig();
    rig.publish(payment(1), { raw: 'garbage', key: 'o-2' }, payment(3));
    const result = rig.receiptConsumer().pollOnce();
    expect({ result, sent: rig.receiptsSent(), committed: rig.committed() }).toEqual({ result: { sent: 2, deadLettered: 1 }, sent: ['pay-evt-1', 'pay-evt-3'], committed: 3 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'dead letters': 'недоставленные сообщения',
  'go to the payments-dlt topic with the original key and the value byte for byte': 'уходят в топик payments-dlt с исходным ключом и значением байт в байт',
  'keep every original header and add the reason, the error, the tries and the origin': 'сохраняют все исходные заголовки и добавляют причину, ошибку, число попыток и происхождение',
  'do not stop the partition: the records after a poison message are handled': 'не останавливают партицию: записи после ядовитого сообщения обрабатываются',
};

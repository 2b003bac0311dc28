// Sending a dead letter back once the cause is fixed ("redrive"): what the DLT kept must be enough to
// put the message back exactly where it was, as it was: same key, so the same partition as the
// order's other events; the original headers, so consumers still recognise the event by its id.
import { partitionForKey } from '@engine/broker';
import { describe, expect, it } from 'vitest';
import { PAYMENTS_TOPIC } from '@workspace/payments';
import { DLT_HEADERS } from '@workspace/services';
import { newRig, payment } from '../support/rig';

const DLT_ONLY = new Set<string>(Object.values(DLT_HEADERS));

describe('sending a dead letter back', () => {
  it('it goes back as it came: same key (so the order\'s partition) and the original headers', () => {
    const rig = newRig(undefined, 3);
    rig.script('pay-evt-4', ['reject']);
    rig.publish(payment(4));
    const consumer = rig.receiptConsumer();
    for (let i = 0; i < 3; i++) consumer.pollOnce();
    const [parked] = rig.deadLetters();
    const resend = {
      key: parked?.key ?? null,
      headers: Object.fromEntries(Object.entries(parked?.headers ?? {}).filter(([name]) => !DLT_ONLY.has(name))),
    };
    expect({ key: resend.key, partition: resend.key === null ? null : partitionForKey(resend.key, 3), headers: resend.headers }).toEqual({
      key: 'o-4',
      partition: partitionForKey('o-4', 3),
      headers: { 'event-id': 'pay-evt-4', 'event-type': 'PaymentCaptured', traceparent: 'trace-o-4' },
    });
  });

  it('a poison message names its origin: topic, partition and offset, next to its own key', () => {
    const rig = newRig(undefined, 3);
    rig.publish({ raw: 'garbage', key: 'o-4' });
    const consumer = rig.receiptConsumer();
    for (let i = 0; i < 3; i++) consumer.pollOnce();
    const headers = rig.deadLetters()[0]?.headers ?? {};
    expect({ key: rig.deadLetters()[0]?.key, origin: [headers[DLT_HEADERS.topic], headers[DLT_HEADERS.partition], headers[DLT_HEADERS.offset]] }).toEqual({
      key: 'o-4',
      origin: [PAYMENTS_TOPIC, String(partitionForKey('o-4', 3)), '0'],
    });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'sending a dead letter back': 'возврат недоставленного сообщения',
  'it goes back as it came: same key (so the order\'s partition) and the original headers': 'оно возвращается таким, каким пришло: тот же ключ (а значит, та же партиция заказа) и исходные заголовки',
  'a poison message names its origin: topic, partition and offset, next to its own key': 'ядовитое сообщение указывает, откуда оно: топик, партицию и смещение, а рядом свой ключ',
};

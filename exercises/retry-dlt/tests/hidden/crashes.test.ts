// The process dies at every awkward moment: while sending, between sending and committing, in the
// middle of the retries, while parking a message, or with the DLT unreachable. After a restart the
// member resumes from the committed offset: nothing may be lost, and a crash is never parked.
import { describe, expect, it } from 'vitest';
import { isCrash } from '@workspace/services';
import { newRig, payment, thrownBy } from '../support/rig';

describe('crashes', () => {
  it('a crash while sending a receipt: after the restart that record is sent, the earlier one is not sent again', () => {
    const rig = newRig();
    rig.script('pay-evt-2', ['crash']);
    rig.publish(payment(1), payment(2), payment(3));
    const error = thrownBy(() => rig.receiptConsumer().pollOnce());
    rig.crash();
    rig.receiptConsumer().pollOnce();
    expect({ crashPassedThrough: isCrash(error), sent: rig.receiptsSent(), parked: rig.deadLetters().length }).toEqual({
      crashPassedThrough: true,
      sent: ['pay-evt-1', 'pay-evt-2', 'pay-evt-3'],
      parked: 0,
    });
  });

  it('a crash after sending but before the commit: the record comes again and is sent again (at least once)', () => {
    const rig = newRig();
    rig.publish(payment(1));
    rig.faults.crashOnCommit = true;
    thrownBy(() => rig.receiptConsumer().pollOnce());
    rig.crash();
    rig.receiptConsumer().pollOnce();
    expect({ sent: rig.receiptsSent(), committed: rig.committed() }).toEqual({ sent: ['pay-evt-1', 'pay-evt-1'], committed: 1 });
  });

  it('a crash in the middle of the retries parks nothing and commits nothing; after the restart the receipt goes out', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'crash']);
    rig.publish(payment(1));
    const error = thrownBy(() => rig.receiptConsumer().pollOnce());
    const before = { crashPassedThrough: isCrash(error), parked: rig.deadLetters().length, committed: rig.committed() };
    rig.crash();
    rig.receiptConsumer().pollOnce();
    expect({ before, sent: rig.receiptsSent() }).toEqual({ before: { crashPassedThrough: true, parked: 0, committed: null }, sent: ['pay-evt-1'] });
  });

  it('a crash while parking a message: it is parked after the restart, once, and the next record is handled', () => {
    const rig = newRig();
    rig.publish({ raw: 'garbage', key: 'o-1' }, payment(2));
    rig.faults.crashOnDltSend = true;
    thrownBy(() => rig.receiptConsumer().pollOnce());
    rig.crash();
    rig.receiptConsumer().pollOnce();
    expect({ parked: rig.deadLetters().map((r) => r.key), sent: rig.receiptsSent(), committed: rig.committed() }).toEqual({ parked: ['o-1'], sent: ['pay-evt-2'], committed: 2 });
  });

  it('with the DLT unreachable the poison message is not committed: it waits, it is not lost', () => {
    const rig = newRig();
    rig.publish({ raw: 'garbage', key: 'o-1' });
    rig.faults.dltDown = true;
    const error = thrownBy(() => rig.receiptConsumer().pollOnce());
    const whileDown = { failed: error instanceof Error, committed: rig.committed() };
    rig.faults.dltDown = false;
    rig.crash();
    rig.receiptConsumer().pollOnce();
    expect({ whileDown, parked: rig.deadLetters().length, committed: rig.committed() }).toEqual({ whileDown: { failed: true, committed: null }, parked: 1, committed: 1 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'crashes': 'сбои',
  'a crash while sending a receipt: after the restart that record is sent, the earlier one is not sent again': 'сбой при отправке квитанции: после перезапуска эта запись отправляется, а предыдущая повторно не отправляется',
  'a crash after sending but before the commit: the record comes again and is sent again (at least once)': 'сбой после отправки, но до фиксации: запись приходит снова и отправляется ещё раз (хотя бы один раз)',
  'a crash in the middle of the retries parks nothing and commits nothing; after the restart the receipt goes out': 'сбой посреди повторов ничего не откладывает и ничего не фиксирует; после перезапуска квитанция уходит',
  'a crash while parking a message: it is parked after the restart, once, and the next record is handled': 'сбой при откладывании сообщения: после перезапуска оно откладывается один раз, и следующая запись обрабатывается',
  'with the DLT unreachable the poison message is not committed: it waits, it is not lost': 'пока топик недоставленных сообщений (DLT) недоступен, ядовитое сообщение не фиксируется: оно ждёт и не теряется',
};

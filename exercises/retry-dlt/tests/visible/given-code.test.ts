// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { InvalidPayment, parsePayment } from '@workspace/payments';
import { isCrash, isTransient, MailRejected, ProcessCrash, TransientError } from '@workspace/services';
import { newRig, payment } from '../support/rig';

describe('the given code', () => {
  it('parsePayment reads a PaymentCaptured event and refuses anything else with InvalidPayment', () => {
    expect(parsePayment(JSON.stringify(payment(1)))).toEqual(payment(1));
    expect(() => parsePayment('{not json')).toThrow(InvalidPayment);
    expect(() => parsePayment(JSON.stringify({ ...payment(1), amount: 10.5 }))).toThrow(InvalidPayment);
  });

  it('only a TransientError is worth another try; a ProcessCrash is a crash', () => {
    expect([new TransientError('t'), new MailRejected('r'), new ProcessCrash('x')].map((e) => [isTransient(e), isCrash(e)])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
  });

  it('the test mail service follows its script, try by try, then sends', () => {
    const rig = newRig();
    rig.script('pay-evt-1', ['timeout', 'reject']);
    const tries = [1, 2, 3].map(() => {
      try {
        rig.mail.sendReceipt(payment(1));
        return 'sent';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(tries).toEqual(['TransientError', 'MailRejected', 'sent']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'parsePayment reads a PaymentCaptured event and refuses anything else with InvalidPayment': 'parsePayment читает событие PaymentCaptured, а всё остальное отклоняет с InvalidPayment',
  'only a TransientError is worth another try; a ProcessCrash is a crash': 'повторять стоит только TransientError; ProcessCrash — это сбой процесса',
  'the test mail service follows its script, try by try, then sends': 'тестовый почтовый сервис следует своему сценарию попытка за попыткой, а затем отправляет',
};

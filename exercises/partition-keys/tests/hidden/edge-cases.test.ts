// What a careless tracker or publisher gets wrong: an old event arriving after a newer one, a gap
// that must leave the state alone, blank ids, and an empty batch.
import { describe, expect, it } from 'vitest';
import { MissingKey, OutOfOrder } from '@workspace/errors';
import { OrderTracker } from '@workspace/OrderTracker';
import { keyOf, publishEvents } from '@workspace/publisher';
import { newTopic, paid, placed, recordOf, shipped } from '../support/shop';

describe('edge cases', () => {
  it('an old event re-sent after a newer one does not move the order back', () => {
    const tracker = new OrderTracker();
    for (const event of [placed('o-1', 'ann'), paid('o-1', 'ann'), shipped('o-1')]) tracker.handle(recordOf(event));
    expect({ result: tracker.handle(recordOf(paid('o-1', 'ann'), 9)), status: tracker.statusOf('o-1'), version: tracker.versionOf('o-1') }).toEqual({ result: 'duplicate', status: 'shipped', version: 3 });
  });

  it('after OutOfOrder the missing version can still come and be applied', () => {
    const tracker = new OrderTracker();
    tracker.handle(recordOf(placed('o-1', 'ann')));
    expect(() => tracker.handle(recordOf(shipped('o-1')))).toThrow(OutOfOrder);
    tracker.handle(recordOf(paid('o-1', 'ann')));
    expect({ afterTheGapIsFilled: tracker.handle(recordOf(shipped('o-1'))), status: tracker.statusOf('o-1') }).toEqual({ afterTheGapIsFilled: 'applied', status: 'shipped' });
  });

  it('a first event that is not version 1 is out of order too', () => {
    let thrown: unknown;
    try {
      new OrderTracker().handle(recordOf(paid('o-5', 'bob')));
    } catch (error) {
      thrown = error;
    }
    expect({ code: (thrown as OutOfOrder | undefined)?.code, expected: (thrown as OutOfOrder | undefined)?.expected }).toEqual({ code: 'OUT_OF_ORDER', expected: 1 });
  });

  it('a blank order id is no key: MissingKey, naming the event type', () => {
    let thrown: unknown;
    try {
      keyOf({ type: 'OrderPaid', orderId: '  ', customerId: 'ann', version: 2, amount: 1 });
    } catch (error) {
      thrown = error;
    }
    expect({ isMissingKey: thrown instanceof MissingKey, eventType: (thrown as MissingKey | undefined)?.eventType }).toEqual({ isMissingKey: true, eventType: 'OrderPaid' });
  });

  it('a shipped event, which names no customer, still gets its order id as key', () => {
    expect(keyOf(shipped('o-4'))).toBe('o-4');
  });

  it('an empty batch sends nothing and throws nothing', () => {
    const topic = newTopic();
    publishEvents(topic.publisher, []);
    expect(topic.all().flat()).toEqual([]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'edge cases': 'граничные случаи',
  'an old event re-sent after a newer one does not move the order back': 'старое событие, отправленное повторно после более нового, не откатывает заказ назад',
  'after OutOfOrder the missing version can still come and be applied': 'после OutOfOrder пропущенная версия всё ещё может прийти и примениться',
  'a first event that is not version 1 is out of order too': 'первое событие с версией не 1 — тоже нарушение порядка',
  'a blank order id is no key: MissingKey, naming the event type': 'пустой идентификатор заказа — не ключ: MissingKey с типом события',
  'a shipped event, which names no customer, still gets its order id as key': 'событие об отправке, где нет покупателя, всё равно получает ключом идентификатор заказа',
  'an empty batch sends nothing and throws nothing': 'пустой пакет ничего не отправляет и не выбрасывает исключений',
};

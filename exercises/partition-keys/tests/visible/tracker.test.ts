// The consumer that relies on per-key order: each order's versions are applied one after another;
// a repeat changes nothing; a skipped version stops it with OutOfOrder.
import { describe, expect, it } from 'vitest';
import { OutOfOrder } from '@workspace/errors';
import { OrderTracker } from '@workspace/OrderTracker';
import { cancelled, paid, placed, recordOf, registered, shipped } from '../support/shop';

describe('OrderTracker', () => {
  it('follows an order through its events: placed, paid, shipped', () => {
    const tracker = new OrderTracker();
    const results = [placed('o-1', 'ann'), paid('o-1', 'ann'), shipped('o-1')].map((event, i) => tracker.handle(recordOf(event, i)));
    expect({ results, status: tracker.statusOf('o-1'), version: tracker.versionOf('o-1') }).toEqual({ results: ['applied', 'applied', 'applied'], status: 'shipped', version: 3 });
  });

  it('knows nothing of an order it has not seen', () => {
    expect({ status: new OrderTracker().statusOf('o-9'), version: new OrderTracker().versionOf('o-9') }).toEqual({ status: undefined, version: 0 });
  });

  it('ignores customer events', () => {
    const tracker = new OrderTracker();
    expect(tracker.handle(recordOf(registered('ann')))).toBe('ignored');
  });

  it('a repeat of a version it has applied changes nothing', () => {
    const tracker = new OrderTracker();
    tracker.handle(recordOf(placed('o-1', 'ann')));
    tracker.handle(recordOf(cancelled('o-1', 'ann', 2), 1));
    expect({ result: tracker.handle(recordOf(cancelled('o-1', 'ann', 2), 2)), status: tracker.statusOf('o-1') }).toEqual({ result: 'duplicate', status: 'cancelled' });
  });

  it('a version that skips ahead throws OutOfOrder with the order, the version expected and the one that came', () => {
    const tracker = new OrderTracker();
    tracker.handle(recordOf(placed('o-1', 'ann')));
    let thrown: unknown;
    try {
      tracker.handle(recordOf(shipped('o-1', 3), 1));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OutOfOrder);
    const { orderId, expected, got } = thrown as OutOfOrder;
    expect({ orderId, expected, got, status: tracker.statusOf('o-1') }).toEqual({ orderId: 'o-1', expected: 2, got: 3, status: 'placed' });
  });

  it('counts versions per order: two orders interleaved are both fine', () => {
    const tracker = new OrderTracker();
    for (const event of [placed('o-1', 'ann'), placed('o-2', 'bob'), paid('o-2', 'bob'), paid('o-1', 'ann')]) tracker.handle(recordOf(event));
    expect([tracker.statusOf('o-1'), tracker.statusOf('o-2')]).toEqual(['paid', 'paid']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'OrderTracker': 'отслеживание заказов (OrderTracker)',
  'follows an order through its events: placed, paid, shipped': 'следит за заказом по его событиям: оформлен, оплачен, отправлен',
  'knows nothing of an order it has not seen': 'ничего не знает о заказе, которого не видел',
  'ignores customer events': 'игнорирует события покупателя',
  'a repeat of a version it has applied changes nothing': 'повтор уже применённой версии ничего не меняет',
  'a version that skips ahead throws OutOfOrder with the order, the version expected and the one that came': 'на версию, перескакивающую вперёд, выбрасывается OutOfOrder с заказом, ожидаемой и пришедшей версиями',
  'counts versions per order: two orders interleaved are both fine': 'считает версии для каждого заказа отдельно: с двумя заказами вперемешку всё в порядке',
};

// Rebuilds and interrupted catch-ups on a busy log: the rows depend only on the log, never on how
// (or in how many goes) it was read.
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '@workspace/events';
import type { StoredEvent } from '@workspace/log';
import { OrderProjection } from '@workspace/OrderProjection';
import { interleave, LAMP, MUG, BULB, newLog, order, type OrderStory } from '../support/orders';

/** A deterministic mix of forty orders in every state. */
function busyStories(): OrderStory[] {
  const stories: OrderStory[] = [];
  for (let i = 0; i < 40; i++) {
    const story = order(`o-${String(i).padStart(2, '0')}`, `c-${i % 7}`, i * 3, i % 2 ? [LAMP, MUG] : [BULB]);
    if (i % 3 === 0) story.add(MUG);
    if (i % 4 === 1) story.remove('lamp', 1);
    if (i % 5 === 2) story.moveTo(`${i} Quay Street`);
    const total = story.events.reduce((sum, event) => (event.type === 'OrderCreated' ? event.totalAmount : sum), 0);
    if (i % 6 !== 5) story.pay(total);
    if (i % 6 < 3) story.ship();
    if (i % 6 === 0) story.deliver();
    if (i % 6 === 4) story.cancel();
    stories.push(story);
  }
  return stories;
}

function snapshot(projection: OrderProjection, stories: OrderStory[]) {
  return {
    details: stories.map((story) => projection.getDetails(story.orderId)),
    pages: [1, 2, 3].map((page) => projection.listOrders({ page, pageSize: 15 })),
  };
}

describe('rebuilding and resuming', () => {
  it('one go, small batches, a rebuild and a fresh projection all give the same rows', () => {
    const stories = busyStories();
    const log = newLog();
    const mixed: OrderEvent[] = interleave(...stories);
    log.append(...mixed.slice(0, 60));
    log.appendForeign();
    log.append(...mixed.slice(60));

    const whole = new OrderProjection(log);
    expect(whole.catchUp()).toBe(mixed.length);
    const expected = snapshot(whole, stories);

    const bitByBit = new OrderProjection(log, 7);
    bitByBit.catchUp();
    expect(snapshot(bitByBit, stories)).toEqual(expected);

    expect(whole.rebuild()).toBe(mixed.length);
    expect(snapshot(whole, stories)).toEqual(expected);
    expect(whole.checkpoint).toBe(log.head());
  });

  it('catching up after every append gives the same rows as one catch-up at the end', () => {
    const stories = busyStories();
    const log = newLog();
    const live = new OrderProjection(log, 3);
    for (const event of interleave(...stories)) {
      log.append(event);
      live.catchUp();
    }
    const atEnd = new OrderProjection(log);
    atEnd.catchUp();
    expect(snapshot(live, stories)).toEqual(snapshot(atEnd, stories));
  });

  it('when the log fails halfway, a retry resumes from the checkpoint without applying anything twice', () => {
    const stories = busyStories().slice(0, 10);
    const log = newLog();
    log.append(...interleave(...stories));
    let calls = 0;
    const flaky = {
      readAll(options: { after: number; maxCount: number }): StoredEvent[] {
        calls++;
        if (calls === 3) throw new Error('connection reset');
        return log.readAll(options);
      },
    };
    const projection = new OrderProjection(flaky, 5);
    expect(() => projection.catchUp()).toThrow('connection reset');
    expect(projection.checkpoint).toBe(10);
    projection.catchUp();
    expect(projection.checkpoint).toBe(log.head());

    const clean = new OrderProjection(log);
    clean.catchUp();
    expect(snapshot(projection, stories)).toEqual(snapshot(clean, stories));
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'rebuilding and resuming': 'перестройка и продолжение',
  'one go, small batches, a rebuild and a fresh projection all give the same rows': 'за один проход, мелкими пакетами, после перестройки и в новой проекции получаются одни и те же строки',
  'catching up after every append gives the same rows as one catch-up at the end': 'catchUp после каждой дописанной записи даёт те же строки, что один catchUp в конце',
  'when the log fails halfway, a retry resumes from the checkpoint without applying anything twice': 'если чтение журнала обрывается на полпути, повтор продолжает с контрольной точки и ничего не применяет дважды',
};

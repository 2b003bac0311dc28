// The checkpoint: how far into the log the projection has read. Catching up reads only what is
// new, and a rebuild from position 0 gives the same rows.
import { describe, expect, it } from 'vitest';
import { OrderProjection } from '@workspace/OrderProjection';
import { interleave, LAMP, MUG, newLog, order } from '../support/orders';

function shop() {
  const log = newLog();
  const ann = order('o-1', 'ann', 0).pay(LAMP.unitPrice).ship();
  const bob = order('o-2', 'bob', 1, [MUG]).cancel();
  log.append(...interleave(ann, bob));
  return { log, ann, bob };
}

describe('the checkpoint', () => {
  it('starts at 0 and ends at the last position of the log after catching up', () => {
    const { log } = shop();
    const projection = new OrderProjection(log);
    expect(projection.checkpoint).toBe(0);
    expect(projection.catchUp()).toBe(5);
    expect(projection.checkpoint).toBe(log.head());
  });

  it('moves past events of other streams too', () => {
    const { log } = shop();
    log.appendForeign();
    const projection = new OrderProjection(log);
    expect(projection.catchUp()).toBe(5);
    expect(projection.checkpoint).toBe(6);
  });

  it('a second catchUp with nothing new applies nothing', () => {
    const { log } = shop();
    const projection = new OrderProjection(log);
    projection.catchUp();
    const before = projection.getDetails('o-1');
    expect(projection.catchUp()).toBe(0);
    expect(projection.getDetails('o-1')).toEqual(before);
  });

  it('catching up again applies only the events appended since', () => {
    const { log, ann } = shop();
    const projection = new OrderProjection(log);
    projection.catchUp();
    log.append(...order('o-3', 'cy', 9).events, ...ann.deliver().events.slice(-1));
    expect(projection.catchUp()).toBe(2);
    expect(projection.getSummary('o-1')?.status).toBe('delivered');
    expect(projection.getSummary('o-3')?.customerId).toBe('cy');
    expect(projection.checkpoint).toBe(log.head());
  });

  it('reads a log longer than one batch to its end', () => {
    const log = newLog();
    for (let i = 0; i < 25; i++) log.append(...order(`o-${i}`, 'ann', i).pay(LAMP.unitPrice).events);
    const projection = new OrderProjection(log, 10);
    expect(projection.catchUp()).toBe(50);
    expect(projection.listOrders({ page: 1, pageSize: 100 }).total).toBe(25);
    expect(projection.checkpoint).toBe(50);
  });

  it('a rebuild from the log gives exactly the same rows', () => {
    const { log } = shop();
    const projection = new OrderProjection(log);
    projection.catchUp();
    const rows = [projection.getDetails('o-1'), projection.getDetails('o-2')];
    const list = projection.listOrders({ page: 1, pageSize: 10 });
    expect(projection.rebuild()).toBe(5);
    expect([projection.getDetails('o-1'), projection.getDetails('o-2')]).toEqual(rows);
    expect(projection.listOrders({ page: 1, pageSize: 10 })).toEqual(list);
    expect(projection.checkpoint).toBe(log.head());
  });

  it('a fresh projection over the same log builds the same rows', () => {
    const { log } = shop();
    const first = new OrderProjection(log);
    first.catchUp();
    const second = new OrderProjection(log, 2);
    second.catchUp();
    expect(second.getDetails('o-1')).toEqual(first.getDetails('o-1'));
    expect(second.getDetails('o-2')).toEqual(first.getDetails('o-2'));
  });

  it('an event delivered twice is applied once', () => {
    const story = order('o-1', 'ann', 0, [LAMP]).add(MUG);
    const projection = new OrderProjection(newLog());
    expect({ ['project() says the event changed the row']: projection.project(story.events[0]) }).toEqual({ ['project() says the event changed the row']: true });
    expect({ ['project() says the event changed the row']: projection.project(story.events[1]) }).toEqual({ ['project() says the event changed the row']: true });
    expect({ ['project() says the event changed the row']: projection.project(story.events[1]) }).toEqual({ ['project() says the event changed the row']: false });
    expect({ ['project() says the event changed the row']: projection.project(story.events[0]) }).toEqual({ ['project() says the event changed the row']: false });
    expect(projection.getDetails('o-1')?.items).toEqual([LAMP, MUG]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the checkpoint': 'контрольная точка',
  'starts at 0 and ends at the last position of the log after catching up': 'начинается с 0, а после catchUp стоит на последней позиции журнала',
  'moves past events of other streams too': 'сдвигается и за события чужих потоков',
  'a second catchUp with nothing new applies nothing': 'второй catchUp без новых событий ничего не применяет',
  'catching up again applies only the events appended since': 'повторный catchUp применяет только события, дописанные с прошлого раза',
  'reads a log longer than one batch to its end': 'читает журнал длиннее одного пакета до конца',
  'a rebuild from the log gives exactly the same rows': 'перестройка по журналу даёт точно такие же строки',
  'a fresh projection over the same log builds the same rows': 'новая проекция по тому же журналу строит те же строки',
  'an event delivered twice is applied once': 'событие, доставленное дважды, применяется один раз',
};

// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { BrokerUnavailable, eventIdOf, MemoryBroker, ORDER_TOPIC } from '@workspace/broker';
import { DatabaseCrash, ShopDatabase } from '@workspace/database';

describe('the given code', () => {
  it('a transaction keeps all of its writes, or none when it throws', () => {
    const db = new ShopDatabase();
    db.transaction((tx) => tx.insertOrder({ orderId: 'o-1', customerId: 'ann', totalAmount: 1, placedAt: 't' }));
    expect(() =>
      db.transaction((tx) => {
        tx.insertOutbox({ aggregateId: 'o-2', type: 'OrderPlaced', payload: '{}' }, 't');
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect({ orders: db.orders().map((row) => row.orderId), outbox: db.outbox().length }).toEqual({ orders: ['o-1'], outbox: 0 });
  });

  it('crashOn makes one write fail like a dying process, and the transaction keeps nothing', () => {
    const db = new ShopDatabase();
    db.crashOn('insertOutbox');
    expect(() =>
      db.transaction((tx) => {
        tx.insertOrder({ orderId: 'o-1', customerId: 'ann', totalAmount: 1, placedAt: 't' });
        tx.insertOutbox({ aggregateId: 'o-1', type: 'OrderPlaced', payload: '{}' }, 't');
      }),
    ).toThrow(DatabaseCrash);
    expect(db.orders()).toEqual([]);
  });

  it('unsent lists the rows not marked sent, oldest first', () => {
    const db = new ShopDatabase();
    db.transaction((tx) => {
      tx.insertOutbox({ aggregateId: 'a', type: 'OrderPlaced', payload: '1' }, 't');
      tx.insertOutbox({ aggregateId: 'b', type: 'OrderPlaced', payload: '2' }, 't');
    });
    db.markSent(1, 'u');
    expect(db.unsent().map((row) => [row.id, row.payload])).toEqual([[2, '2']]);
  });

  it('the memory broker keeps messages, and refuses them while down', () => {
    const broker = new MemoryBroker();
    broker.down = true;
    expect(() => broker.publish({ topic: ORDER_TOPIC, key: 'k', value: 'v', headers: {} })).toThrow(BrokerUnavailable);
    broker.down = false;
    broker.publish({ topic: ORDER_TOPIC, key: 'k', value: 'v', headers: {} });
    expect(broker.messages).toHaveLength(1);
    expect(eventIdOf({ id: 7 })).toBe('order-outbox-7');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'a transaction keeps all of its writes, or none when it throws': 'транзакция сохраняет все свои записи, а при исключении — ни одной',
  'crashOn makes one write fail like a dying process, and the transaction keeps nothing': 'crashOn роняет одну запись, как при падении процесса, и транзакция ничего не сохраняет',
  'unsent lists the rows not marked sent, oldest first': 'unsent выдаёт строки без отметки об отправке, сначала самые старые',
  'the memory broker keeps messages, and refuses them while down': 'брокер в памяти хранит сообщения, а пока недоступен — отказывает в приёме',
};

// Following an order across services: one correlation id for the whole checkout, and each event
// naming the event it reacts to.
import { describe, expect, it } from 'vitest';
import { eventsOf, MUG_ORDER, newShop } from '../support/shop';

describe('correlation and causation', () => {
  it("every event of the checkout carries OrderPlaced's correlation id", () => {
    const shop = newShop();
    const placed = shop.place(MUG_ORDER);
    expect(eventsOf(shop, 'o-1').map((event) => event.correlationId)).toEqual(Array(5).fill(placed.correlationId));
  });

  it('each event names the event it reacts to as its cause', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    const events = eventsOf(shop, 'o-1');
    expect({ events: events.length, causes: events.map((event) => event.causationId) }).toEqual({ events: 5, causes: [null, ...events.slice(0, -1).map((event) => event.eventId)] });
  });

  it('two orders keep two correlation ids', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    shop.place({ ...MUG_ORDER, orderId: 'o-2' });
    const correlations = (orderId: string) => eventsOf(shop, orderId).map((event) => event.correlationId);
    expect({ first: correlations('o-1'), second: correlations('o-2') }).toEqual({ first: Array(5).fill('checkout-1'), second: Array(5).fill('checkout-2') });
  });

  it('every event has an id of its own', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    const ids = eventsOf(shop, 'o-1').map((event) => event.eventId);
    expect({ events: ids.length, distinct: new Set(ids).size }).toEqual({ events: 5, distinct: 5 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'correlation and causation': 'корреляция и причинность',
  'every event of the checkout carries OrderPlaced\'s correlation id': 'каждое событие оформления несёт идентификатор корреляции из OrderPlaced',
  'each event names the event it reacts to as its cause': 'каждое событие называет своей причиной событие, на которое оно реагирует',
  'two orders keep two correlation ids': 'у двух заказов два разных идентификатора корреляции',
  'every event has an id of its own': 'у каждого события свой идентификатор',
};

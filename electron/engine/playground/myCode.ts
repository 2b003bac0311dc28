// "My code": the student's OrderAggregate decides the playground's commands. It runs only inside the
// runner's sandbox, through the call API: a driver module replays the history into the student's
// aggregate, runs the command and returns the new events (or the refusal's code), checked with zod.
import { z } from 'zod';
import type { OrderCommand, OrderEvent } from '../domain/orders';
import type { AggregateDecider } from './orders';
import { callStudentCode, whyNoAnswer, type StudentCodeHost } from './studentCode';

export const SOURCE_EXERCISE = 'orders-lifecycle';
export const ORDER_FILE = 'OrderAggregate.ts';

const ORDER_DRIVER = `import { OrderAggregate } from './OrderAggregate';

const METHODS: Record<string, string> = { AddOrderItem: 'addItem', RemoveOrderItem: 'removeItem', ChangeOrderAddress: 'changeAddress', PayOrder: 'pay', ShipOrder: 'ship', DeliverOrder: 'deliver', CancelOrder: 'cancel' };

// eslint-disable-next-line -- the input is checked by the host's schemas on both sides; the student's class is called by name
export function decide(input: any): unknown {
  const clock = () => new Date().toISOString();
  try {
    const c = input.command;
    let order: any;
    if (c.type === 'CreateOrder') {
      order = OrderAggregate.create(c.orderId, { customerId: c.customerId, items: c.items, shippingAddress: c.shippingAddress }, clock);
    } else {
      order = OrderAggregate.fromEvents(input.history, clock);
      const { type, ...args } = c;
      order[METHODS[type]](args);
    }
    return { ok: true, events: order.uncommittedEvents };
  } catch (e: any) {
    return { ok: false, code: String((e && e.code) || 'ERROR'), message: String((e && e.message) || e) };
  }
}
`;

const Event = z.looseObject({ type: z.string() });
const Decision = z.union([
  z.object({ ok: z.literal(true), events: z.array(Event) }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);

export interface StudentDecider extends AggregateDecider {
  close(): Promise<void>;
}

/** The student's aggregate as the playground's decider (the runner is the engine's: closing the decider leaves it running). */
export function createStudentDecider(options: { host: StudentCodeHost; source: string }): StudentDecider {
  return {
    async decide(history: OrderEvent[], command: OrderCommand) {
      const answer = await callStudentCode(options.host, { source: ORDER_DRIVER, exportName: 'decide' }, { [ORDER_FILE]: options.source }, { history, command }, Decision);
      if (!answer.ok) return { ok: false as const, code: 'MY_CODE_ERROR', message: whyNoAnswer(answer.error) };
      const d = answer.value;
      return d.ok ? { ok: true as const, events: d.events as unknown as OrderEvent[] } : d;
    },
    close: async () => undefined,
  };
}

// The shared given/when/then helper bound to OrderAggregate: given past events, when a command
// runs (with the test clock), then expect new events or an OrderError code with no trace left.
import type { OrderCommand } from '@workspace/commands';
import { fixedClock, type Clock } from '@workspace/clock';
import type { OrderErrorCode } from '@workspace/errors';
import type { OrderEvent } from '@workspace/events';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { givenWhenThen, rebuildOrFail, say } from '@engine/testing/givenWhenThen';
import { NOW, ORDER_ID } from './fixtures';
import { stateOf } from './state';

function replay(history: OrderEvent[], command: OrderCommand, clock: Clock): OrderAggregate {
  return rebuildOrFail(history, command, say('the order', 'заказ'), () => OrderAggregate.fromEvents(history, clock));
}

function run(order: OrderAggregate | undefined, command: OrderCommand, clock: Clock): OrderAggregate {
  switch (command.type) {
    case 'CreateOrder': {
      const { type: _type, orderId = ORDER_ID, ...create } = command;
      return OrderAggregate.create(orderId, create, clock);
    }
    case 'AddOrderItem': order!.addItem(command); break;
    case 'RemoveOrderItem': order!.removeItem(command); break;
    case 'ChangeOrderAddress': order!.changeAddress(command); break;
    case 'PayOrder': order!.pay(command); break;
    case 'ShipOrder': order!.ship(command); break;
    case 'DeliverOrder': order!.deliver(command); break;
    case 'CancelOrder': order!.cancel(command); break;
  }
  return order!;
}

export const given = givenWhenThen<OrderEvent, OrderCommand, OrderAggregate, OrderErrorCode, Clock>({
  nameOf: (command) => command.type,
  execute(history, command, clock = fixedClock(NOW)) {
    const order = command.type === 'CreateOrder' && history.length === 0 ? undefined : replay(history, command, clock);
    try {
      const result = run(order, command, clock);
      return { result, error: undefined, events: [...result.uncommittedEvents], state: stateOf(result) };
    } catch (error) {
      return { result: order, error, events: order ? [...order.uncommittedEvents] : [], state: order && stateOf(order) };
    }
  },
  stateBefore: (history, command, clock = fixedClock(NOW)) => (history.length ? stateOf(replay(history, command, clock)) : undefined),
});

// The order domain: events, commands, rules (decide/evolve), the aggregate, the command
// handler over the event store, and the read model. Pure TypeScript, safe to bundle into a sandbox.
export * from './events';
export * from './commands';
export { OrderError, type OrderErrorCode } from './errors';
export { systemClock, fixedClock, steppingClock, type Clock } from './clock';
export { isNonBlank, isPositiveSafeInteger } from './checks';
export { copyItems, totalOf, quantityOf, withItemAdded, withItemRemoved } from './items';
export { initialState, type OrderState } from './state';
export { decide } from './decide';
export { evolve } from './evolve';
export { OrderAggregate } from './OrderAggregate';
export { executeCommand, type OrderAggregateLike, type OrderAggregateFactory } from './executeCommand';
export { orderStreamId, isOrderStream, toNewEvent, fromRecordedEvent, isOrderEventType } from './storedEvents';
export { createOrderCommandHandler, type OrderCommandHandler, type OrderCommandHandlerOptions, type HandledCommand } from './commandHandler';
// The SQLite-backed read model (Node only) lives in './sqliteReadModel', imported directly.
export {
  OrderReadModel,
  MAX_PAGE_SIZE,
  checkListOrders,
  type OrderQueries,
  type OrderSummary,
  type OrderDetails,
  type ListOrders,
  type OrderPage,
} from './readModel';

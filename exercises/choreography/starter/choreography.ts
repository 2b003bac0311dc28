// A checkout by choreography: write `follow`, PaymentService, StockService and OrderService.
// Оформление заказа хореографией: напишите `follow`, PaymentService, StockService и OrderService.
//
// No service calls another or touches another's data: each reacts to the events it subscribed to
// (SUBSCRIPTIONS in services.ts) and publishes its own through `context.bus`. Every event you publish
// is made by `follow(cause, body)`: a new id (`context.ids.next('evt')`), the cause's correlationId,
// and the cause's eventId as causationId. Every handler ignores a repeat of an event it has handled
// (`context.inbox`), and adds an event to the inbox only AFTER its work succeeded. ShippingService is
// written: use it as your model.
// Ни один сервис не вызывает другой и не трогает чужие данные: каждый реагирует на свои события и
// публикует свои. Каждое новое событие создаёт `follow`: новый id, correlationId причины и её eventId
// как causationId. Повтор уже обработанного события пропускается (`context.inbox`); событие
// попадает во входящий ящик только ПОСЛЕ того, как работа удалась. ShippingService — образец.
import type { EventBody, ShopEvent } from './events';
import type { Service, ServiceContext } from './services';

/** The event that `cause` leads to: a new id, the cause's correlation id, the cause's id as causation. */
export function follow(context: ServiceContext, cause: ShopEvent, body: EventBody): ShopEvent {
  void context;
  void cause;
  void body;
  throw new Error('not implemented');
}

/**
 * OrderPlaced: charge the customer (a payment id from `ids.next('pay')`) and publish PaymentCaptured,
 * or PaymentDeclined ('insufficient-funds') when the balance is short.
 * StockUnavailable: refund the order's payment (unless there is none or it is refunded already) and
 * publish PaymentRefunded — the compensation.
 */
export class PaymentService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    void this.context;
    void event;
    throw new Error('not implemented');
  }
}

/**
 * OrderPlaced: keep the order's lines (`warehouse.rememberLines`); publish nothing.
 * PaymentCaptured: reserve the lines, all or none, and publish StockReserved, or StockUnavailable with
 * the SKU that is short.
 */
export class StockService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    void this.context;
    void event;
    throw new Error('not implemented');
  }
}

/** StockReserved: schedule the shipment. (Given: a model of a handler.) */
export class ShippingService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    if (event.type !== 'StockReserved' || this.context.inbox.has(event.eventId)) return;
    const shipmentId = this.context.ids.next('ship');
    this.context.world.shipments.schedule(shipmentId, event.data.orderId);
    this.context.bus.publish(follow(this.context, event, { type: 'ShipmentScheduled', data: { orderId: event.data.orderId, shipmentId } }));
    this.context.inbox.add(event.eventId);
  }
}

/**
 * ShipmentScheduled: confirm the order and publish OrderConfirmed.
 * PaymentDeclined: cancel it ('payment-declined'); PaymentRefunded: cancel it ('out-of-stock');
 * both publish OrderCancelled with the reason.
 */
export class OrderService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    void this.context;
    void event;
    throw new Error('not implemented');
  }
}

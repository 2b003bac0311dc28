// A checkout by choreography: payment, stock, shipping and the order service each react to events and
// publish their own; none calls another, so a service that is down only delays the process. Every
// event carries the process's correlation id and the id of the event it reacts to. Every handler
// ignores a repeat of an event it has handled (its inbox), and records the event as handled only
// after its work succeeded. When stock runs out after the payment, the payment is refunded
// (compensation) and the order is cancelled.
// Оформление заказа хореографией: сервисы реагируют на события и публикуют свои, никто никого не
// вызывает напрямую. Каждое событие несёт идентификатор корреляции процесса и идентификатор причины.
// Повтор события пропускается; нехватка товара после оплаты компенсируется возвратом денег.
import type { EventBody, ShopEvent } from './events';
import type { Service, ServiceContext } from './services';

/** The event that `cause` leads to: a new id, the cause's correlation id, the cause's id as causation. */
export function follow(context: ServiceContext, cause: ShopEvent, body: EventBody): ShopEvent {
  return { ...body, eventId: context.ids.next('evt'), correlationId: cause.correlationId, causationId: cause.eventId };
}

/** Runs `work` once per event id: a repeat is ignored; the event counts as handled only once `work` returned. */
function once(context: ServiceContext, event: ShopEvent, work: () => void): void {
  if (context.inbox.has(event.eventId)) return;
  work();
  context.inbox.add(event.eventId);
}

/** OrderPlaced: charge the customer. StockUnavailable: refund the payment (the compensation). */
export class PaymentService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    once(this.context, event, () => {
      const { wallets } = this.context.world;
      if (event.type === 'OrderPlaced') {
        const { orderId, customerId, amount } = event.data;
        const paymentId = this.context.ids.next('pay');
        const next: EventBody = wallets.charge(paymentId, orderId, customerId, amount)
          ? { type: 'PaymentCaptured', data: { orderId, paymentId, amount } }
          : { type: 'PaymentDeclined', data: { orderId, reason: 'insufficient-funds' } };
        this.context.bus.publish(follow(this.context, event, next));
      } else if (event.type === 'StockUnavailable') {
        const payment = wallets.paymentFor(event.data.orderId);
        if (!payment || payment.refunded) return;
        wallets.refund(payment.paymentId);
        this.context.bus.publish(follow(this.context, event, { type: 'PaymentRefunded', data: { orderId: payment.orderId, paymentId: payment.paymentId, amount: payment.amount } }));
      }
    });
  }
}

/** OrderPlaced: keep the order's lines. PaymentCaptured: reserve them, all or none. */
export class StockService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    once(this.context, event, () => {
      const { warehouse } = this.context.world;
      if (event.type === 'OrderPlaced') {
        warehouse.rememberLines(event.data.orderId, event.data.lines);
      } else if (event.type === 'PaymentCaptured') {
        const { orderId } = event.data;
        const short = warehouse.reserve(orderId, warehouse.linesOf(orderId) ?? []);
        const next: EventBody = short === null ? { type: 'StockReserved', data: { orderId } } : { type: 'StockUnavailable', data: { orderId, sku: short } };
        this.context.bus.publish(follow(this.context, event, next));
      }
    });
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

/** ShipmentScheduled: the order is confirmed. PaymentDeclined or PaymentRefunded: it is cancelled. */
export class OrderService implements Service {
  constructor(private readonly context: ServiceContext) {}

  handle(event: ShopEvent): void {
    once(this.context, event, () => {
      const { orders } = this.context.world;
      if (event.type === 'ShipmentScheduled') {
        orders.confirm(event.data.orderId);
        this.context.bus.publish(follow(this.context, event, { type: 'OrderConfirmed', data: { orderId: event.data.orderId } }));
      } else if (event.type === 'PaymentDeclined' || event.type === 'PaymentRefunded') {
        const reason = event.type === 'PaymentDeclined' ? 'payment-declined' : 'out-of-stock';
        orders.cancel(event.data.orderId, reason);
        this.context.bus.publish(follow(this.context, event, { type: 'OrderCancelled', data: { orderId: event.data.orderId, reason } }));
      }
    });
  }
}

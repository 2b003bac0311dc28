// Order-domain constants that both the engine and the renderer need (forms, schemas, refusals).
// The order domain's events.ts defines them (it is also the read-only file students see in
// orders-lifecycle, so it stays byte-identical there); it imports nothing, so it is Node-free and
// the `common` layer may pass it on. Anything else from the domain stays out of the renderer.
export { PAYMENT_METHODS, isPaymentMethod, type PaymentMethod } from '../domain/orders/events';

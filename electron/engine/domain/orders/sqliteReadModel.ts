// The order read model as SQLite rows in the event store's own database, kept by a store
// projection: rows and checkpoint commit in one transaction, so each event counts exactly once
// and the model survives restarts. Node-only (better-sqlite3): not exported from index.ts.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate } from '../../sqlite';
import type { ProjectionDefinition, RecordedEvent } from '../../store';
import { ORDER_EVENT_TYPES, PAYMENT_METHODS, type OrderEvent } from './events';
import { evolve } from './evolve';
import { checkListOrders, toDetails, toSummary, type ListOrders, type OrderDetails, type OrderPage, type OrderQueries, type OrderSummary } from './readModel';
import { initialState, type OrderState } from './state';
import { fromRecordedEvent, isOrderStream } from './storedEvents';

export const ORDER_READ_MODEL_PROJECTION = 'orders-read-model';

const MIGRATIONS = [
  `CREATE TABLE order_read_model (
     order_id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     status TEXT NOT NULL,
     customer_id TEXT NOT NULL,
     item_count INTEGER NOT NULL,
     total_amount INTEGER NOT NULL,
     state TEXT NOT NULL
   );
   CREATE INDEX order_read_model_by_customer ON order_read_model (customer_id, status, created_at);
   CREATE INDEX order_read_model_by_status ON order_read_model (status, created_at);`,
];

const nullableText = z.string().nullable();
/** Rows are input too: the state column is checked on the way out. */
const StoredState = z.strictObject({
  id: z.string(),
  version: z.number().int().min(1),
  status: z.enum(['pending', 'paid', 'shipped', 'delivered', 'cancelled']),
  customerId: z.string(),
  items: z.array(
    z.strictObject({ productId: z.string(), productName: z.string(), quantity: z.number().int(), unitPrice: z.number().int() }),
  ),
  totalAmount: z.number().int(),
  shippingAddress: z.string(),
  paymentId: nullableText,
  paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  trackingNumber: nullableText,
  carrier: nullableText,
  createdAt: nullableText,
  paidAt: nullableText,
  shippedAt: nullableText,
  deliveredAt: nullableText,
  cancelledAt: nullableText,
  cancelReason: nullableText,
});

export class SqliteOrderReadModel implements OrderQueries {
  private readonly selectState: Database.Statement<[string], { state: string }>;
  private readonly upsert: Database.Statement<[string, string, string, number, number, string, number, string]>;

  constructor(private readonly db: Database.Database) {
    migrate(db, ORDER_READ_MODEL_PROJECTION, MIGRATIONS);
    this.selectState = db.prepare('SELECT state FROM order_read_model WHERE order_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO order_read_model (order_id, customer_id, status, total_amount, item_count, created_at, version, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status,
         total_amount = excluded.total_amount, item_count = excluded.item_count, created_at = excluded.created_at,
         version = excluded.version, state = excluded.state`,
    );
  }

  /** For `store.runProjection` / `store.subscribeProjection`: runs inside the store's transaction. */
  projection(): ProjectionDefinition {
    return {
      name: ORDER_READ_MODEL_PROJECTION,
      types: [...ORDER_EVENT_TYPES],
      apply: (recorded: RecordedEvent) => {
        if (isOrderStream(recorded.streamId)) this.apply(fromRecordedEvent(recorded));
      },
    };
  }

  /** Applies one order event; versions already applied are skipped. */
  apply(event: OrderEvent): void {
    const current = this.loadState(event.aggregateId) ?? initialState();
    if (event.version <= current.version) return;
    const next = evolve(current, event);
    const summary = toSummary(next);
    this.upsert.run(
      next.id,
      summary.customerId,
      summary.status,
      summary.totalAmount,
      summary.itemCount,
      summary.createdAt,
      next.version,
      JSON.stringify(next),
    );
  }

  getSummary(orderId: string): OrderSummary | undefined {
    const state = this.loadState(orderId);
    return state ? toSummary(state) : undefined;
  }

  getDetails(orderId: string): OrderDetails | undefined {
    const state = this.loadState(orderId);
    return state ? toDetails(state) : undefined;
  }

  listOrders(query: ListOrders): OrderPage {
    checkListOrders(query);
    const { customerId, status, page, pageSize } = query;
    const where: string[] = [];
    const params: string[] = [];
    if (customerId !== undefined) {
      where.push('customer_id = ?');
      params.push(customerId);
    }
    if (status !== undefined) {
      where.push('status = ?');
      params.push(status);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM order_read_model ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT state FROM order_read_model ${clause} ORDER BY created_at DESC, order_id ASC LIMIT ? OFFSET ?`)
      .all(...params, pageSize, (page - 1) * pageSize) as Array<{ state: string }>;
    return {
      orders: rows.map((row) => toSummary(this.parseState(row.state))),
      total,
      page,
      pageSize,
      pageCount: Math.ceil(total / pageSize),
    };
  }

  private loadState(orderId: string): OrderState | undefined {
    const row = this.selectState.get(orderId);
    return row ? this.parseState(row.state) : undefined;
  }

  private parseState(json: string): OrderState {
    return StoredState.parse(JSON.parse(json));
  }
}

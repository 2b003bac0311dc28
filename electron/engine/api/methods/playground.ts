// Methods of the playground page: order commands, the event store views (paginated: the global
// log is read in windows), the broker view, the read model, faults, scenarios, sagas, the
// "my code" switch and reset. No node imports here: the renderer imports these types.
import { z } from 'zod';
import { Empty, method } from '../defineMethod';
import { Locale } from './app';
import { SAGA_STEPS, SCENARIO_IDS } from '../../common/playground';

const Id = z.string().trim().min(1).max(100);
const Text = z.string().max(500);
const Cents = z.number().int().min(-1_000_000_000).max(1_000_000_000);
const Qty = z.number().int().min(-1_000_000).max(1_000_000);

const Item = z.object({ productId: Text, productName: Text, quantity: Qty, unitPrice: Cents });

/** An event a command appended, as its outcome names it. */
const AppendedEvent = z.object({ type: z.string(), version: z.number(), globalPosition: z.number() });
/** Time travel: the event that made a version (null before the first). */
const EventAt = z.object({ version: z.number(), type: z.string(), data: z.unknown(), recordedAt: z.string() }).nullable();

/** Loose on purpose: the domain validates the values and answers with its own error codes (an unknown
 *  payment method such as "cash" is the domain's INVALID_PAYMENT_METHOD, not an input error). */
export const PlaygroundCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CreateOrder'), orderId: Id.optional(), customerId: Text, items: z.array(Item).max(50), shippingAddress: Text }),
  z.object({ type: z.literal('AddOrderItem'), orderId: Id, productId: Text, productName: Text, quantity: Qty, unitPrice: Cents }),
  z.object({ type: z.literal('RemoveOrderItem'), orderId: Id, productId: Text, quantity: Qty }),
  z.object({ type: z.literal('ChangeOrderAddress'), orderId: Id, newAddress: Text }),
  z.object({ type: z.literal('PayOrder'), orderId: Id, paymentId: Text, paymentMethod: z.string().max(100), amount: Cents }),
  z.object({ type: z.literal('ShipOrder'), orderId: Id, trackingNumber: Text, carrier: Text }),
  z.object({ type: z.literal('DeliverOrder'), orderId: Id }),
  z.object({ type: z.literal('CancelOrder'), orderId: Id, reason: Text }),
]);
export type PlaygroundCommand = z.infer<typeof PlaygroundCommand>;

export const CommandOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), orderId: z.string(), version: z.number(), events: z.array(AppendedEvent) }),
  z.object({ ok: z.literal(false), orderId: z.string().nullable(), code: z.string(), message: z.string(), appended: z.literal(0) }),
]);
export type CommandOutcome = z.infer<typeof CommandOutcome>;

const OrderStatus = z.enum(['pending', 'paid', 'shipped', 'delivered', 'cancelled']);
export const OrderStateView = z.object({
  id: z.string(),
  version: z.number(),
  status: OrderStatus,
  customerId: z.string(),
  items: z.array(z.object({ productId: z.string(), productName: z.string(), quantity: z.number(), unitPrice: z.number() })),
  totalAmount: z.number(),
  shippingAddress: z.string(),
  paymentId: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  carrier: z.string().nullable(),
  createdAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type OrderStateView = z.infer<typeof OrderStateView>;

const Params = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export const ActivityEntryView = z.object({ seq: z.number(), at: z.number(), kind: z.string(), params: Params });
export type ActivityEntryView = z.infer<typeof ActivityEntryView>;

export /** The language of the sample order's names and addresses a scenario or saga writes into events. */
const SampleLang = Locale.default('en');
const ScenarioIdSchema = z.enum(SCENARIO_IDS);
const StepResult = z.object({ outcomes: z.array(CommandOutcome), note: z.string().optional() });
export const ScenarioView = z.object({
  id: ScenarioIdSchema,
  orderId: z.string(),
  steps: z.array(z.object({ label: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
  next: z.number(),
  results: z.array(StepResult),
  /** The activity entries with a larger seq happened during this scenario. */
  activityFrom: z.number(),
});
export type ScenarioView = z.infer<typeof ScenarioView>;

export const Overview = z.object({
  head: z.number(),
  delayMs: z.number(),
  inbox: z.boolean(),
  crashArmed: z.boolean(),
  /** False while the order service (and its relay) is down in the outbox crash scenario. */
  relayUp: z.boolean(),
  myCode: z.boolean(),
  partitions: z.number(),
  scenario: ScenarioView.nullable(),
  activity: z.array(ActivityEntryView),
  orderIds: z.array(z.string()),
});
export type Overview = z.infer<typeof Overview>;

export const GlobalLogPage = z.object({
  head: z.number(),
  events: z.array(z.object({ position: z.number(), streamId: z.string(), version: z.number(), type: z.string(), recordedAt: z.string() })),
});

export const StreamView = z.object({
  orderId: z.string(),
  currentVersion: z.number(),
  events: z.array(z.object({ version: z.number(), position: z.number(), type: z.string(), data: z.unknown(), recordedAt: z.string(), eventId: z.string() })),
  writeState: OrderStateView.nullable(),
  /** Versions a dual-writing service stored and died before sending: the read model will never get them. */
  neverSent: z.array(z.number()),
});
export type StreamView = z.infer<typeof StreamView>;

export const StateAt = z.object({
  version: z.number(),
  currentVersion: z.number(),
  state: OrderStateView,
  event: EventAt,
});
export type StateAt = z.infer<typeof StateAt>;

const SnapshotInfo = z.object({ streamVersion: z.number(), createdAt: z.string() }).nullable();
export const SnapshotLoad = z.object({ state: OrderStateView, currentVersion: z.number(), snapshotVersion: z.number(), eventsFolded: z.number(), snapshot: SnapshotInfo });
export type SnapshotLoad = z.infer<typeof SnapshotLoad>;

const TP = z.object({ topic: z.string(), partition: z.number() });
export const BrokerView = z.object({
  time: z.number(),
  topics: z.array(
    z.object({
      name: z.string(),
      partitions: z.array(
        z.object({
          partition: z.number(),
          logStartOffset: z.number(),
          logEndOffset: z.number(),
          records: z.array(z.object({ offset: z.number(), key: z.string().nullable(), type: z.string().nullable(), streamVersion: z.number().nullable(), headers: z.record(z.string(), z.string()) })),
        }),
      ),
    }),
  ),
  groups: z.array(
    z.object({
      groupId: z.string(),
      generation: z.number(),
      state: z.string(),
      assignor: z.string().nullable(),
      totalLag: z.number(),
      members: z.array(z.object({ memberId: z.string(), clientId: z.string(), origin: z.enum(['app', 'kafka']), status: z.string(), generation: z.number(), assignment: z.array(TP) })),
      partitions: z.array(TP.extend({ owner: z.string().nullable(), position: z.number().nullable(), committed: z.number().nullable(), lag: z.number().nullable() })),
    }),
  ),
  lagHistory: z.array(z.object({ at: z.number(), lags: z.array(z.number()) })),
  /** Newest broker journal entries first: the deterministic record a run can be replayed from. */
  journal: z.array(z.object({ seq: z.number(), time: z.number(), type: z.string(), fields: z.string(), params: Params })),
  readers: z.array(z.string()),
  crashArmed: z.boolean(),
  notificationsSent: z.number(),
  topic: z.string(),
  readModelGroup: z.string(),
  notifierGroup: z.string(),
});
export type BrokerView = z.infer<typeof BrokerView>;

export const KeyExplanation = z.object({ key: z.string(), utf8: z.string(), murmur2: z.number(), positive: z.number(), partitions: z.number(), partition: z.number() });
export type KeyExplanation = z.infer<typeof KeyExplanation>;

export const OrderList = z.object({
  total: z.number(),
  orders: z.array(z.object({ orderId: z.string(), customerId: z.string(), createdAt: z.string() })),
});
export type OrderList = z.infer<typeof OrderList>;

export const ReadModelView = z.object({
  total: z.number(),
  orders: z.array(z.object({ orderId: z.string(), customerId: z.string(), status: OrderStatus, totalAmount: z.number(), version: z.number(), applied: z.number(), itemCount: z.number() })),
  stats: z.object({ handled: z.number(), duplicatesSkipped: z.number(), invalidSkipped: z.number(), revenue: z.number(), orders: z.number() }),
  delayMs: z.number(),
  inbox: z.boolean(),
});
export type ReadModelView = z.infer<typeof ReadModelView>;

export const SagaStepSchema = z.enum(SAGA_STEPS);
export const SagaRunView = z.object({
  sagaId: z.string(),
  orderId: z.string(),
  mode: z.enum(['orchestrated', 'choreographed']),
  failAt: SagaStepSchema.nullable(),
  // A student's saga may also end with a failed compensation, stop without a last entry, or throw.
  status: z.enum(['completed', 'compensated', 'compensation-failed', 'unfinished', 'error']),
  timeline: z.array(
    z.object({ seq: z.number(), actor: z.string(), kind: z.enum(['command', 'event', 'failure', 'compensation', 'log']), name: z.string(), sagaState: z.string(), detail: z.string().optional() }),
  ),
  source: z.enum(['builtin', 'draft', 'solution']).optional(),
  message: z.string().optional(),
  failCompensation: z.boolean().optional(),
});
export type SagaRunView = z.infer<typeof SagaRunView>;

// The bank account tab: commands on an account stream, decided by the reference rules or the
// student's BankAccount draft ('mine'); amounts are loose (the account answers INVALID_AMOUNT).
export const AccountCommandInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('OpenAccount'), accountId: Id.optional(), ownerName: Text }),
  z.object({ type: z.literal('DepositMoney'), accountId: Id, amount: Cents }),
  z.object({ type: z.literal('WithdrawMoney'), accountId: Id, amount: Cents }),
  z.object({ type: z.literal('CloseAccount'), accountId: Id }),
]);
export const AccountOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), accountId: z.string(), version: z.number(), balance: z.number(), events: z.array(AppendedEvent) }),
  z.object({ ok: z.literal(false), accountId: z.string().nullable(), code: z.string(), message: z.string(), appended: z.literal(0) }),
]);
const AccountStateView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['none', 'open', 'closed']),
  ownerName: z.string(),
  balance: z.number(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const AccountView = z.object({
  accountId: z.string(),
  currentVersion: z.number(),
  events: z.array(z.object({ version: z.number(), position: z.number(), type: z.string(), data: z.unknown(), recordedAt: z.string() })),
  state: AccountStateView,
});
export type AccountView = z.infer<typeof AccountView>;
export const BankOverview = z.object({
  accountIds: z.array(z.string()),
  refusals: z.array(
    z.object({ seq: z.number(), at: z.string(), accountId: z.string().nullable(), command: z.string(), amount: z.number().nullable(), code: z.string(), message: z.string(), source: z.string() }),
  ),
  hasDraft: z.boolean(),
});
const CodeChoice = z.enum(['reference', 'mine']);

const OrderIdInput = z.object({ orderId: Id });
const Done = z.object({ ok: z.boolean() });

export const KafkaPortNumber = z.number().int().min(1).max(65535);
/** Why opening the Kafka port failed; the API error's code is `KAFKA_<code>`. */
export const KAFKA_PORT_ERROR_CODES = ['PORT_IN_USE', 'PORT_NOT_PERMITTED', 'LISTEN_FAILED'] as const;
/** The Kafka port in front of the playground's broker (see docs/engine/broker.md, "The Kafka port"). */
export const KafkaPortStatus = z.object({
  open: z.boolean(),
  host: z.string(),
  port: z.number(),
  connections: z.number(),
  clientMembers: z.number(),
  error: z.object({ code: z.enum(KAFKA_PORT_ERROR_CODES), port: z.number() }).nullable(),
});
export type KafkaPortStatus = z.infer<typeof KafkaPortStatus>;
/** Settings key (settings.get/set) for the desktop app: open the Kafka port when the app starts. */
export const KAFKA_PORT_SETTING = 'playground.kafkaPort';
export const KafkaPortSetting = z.object({ openOnStart: z.boolean(), port: KafkaPortNumber });
export type KafkaPortSetting = z.infer<typeof KafkaPortSetting>;

export const playgroundMethods = {
  'playground.overview': method(Empty, Overview),
  'playground.command': method(z.object({ command: PlaygroundCommand }), CommandOutcome),
  'playground.globalLog': method(z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }), GlobalLogPage),
  'playground.stream': method(OrderIdInput, StreamView),
  'playground.stateAt': method(z.object({ orderId: Id, version: z.number().int().min(1) }), StateAt),
  'playground.takeSnapshot': method(OrderIdInput, SnapshotInfo),
  'playground.loadWithSnapshot': method(OrderIdInput, SnapshotLoad),
  'playground.broker': method(z.object({ cellsPerPartition: z.number().int().min(1).max(200).default(24) }), BrokerView),
  'playground.explainKey': method(z.object({ key: z.string().min(1).max(200) }), KeyExplanation),
  'playground.readModel': method(
    z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(50), query: z.string().max(100).default('') }),
    ReadModelView,
  ),
  /** Every order in the store (newest first), found by part of its id or its customer, a page at a time. */
  'playground.orders': method(
    z.object({ query: z.string().max(100).default(''), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(100) }),
    OrderList,
  ),
  'playground.readModelDetails': method(OrderIdInput, z.object({ state: OrderStateView, applied: z.number() }).nullable()),
  'playground.setDelay': method(z.object({ ms: z.number().int().min(0).max(60_000) }), Done),
  'playground.setInbox': method(z.object({ enabled: z.boolean() }), Done),
  // Effectful methods take an explicit input, so a bare {} never changes the playground by accident.
  'playground.rebuild': method(z.object({ confirm: z.literal(true) }), z.object({ events: z.number() })),
  'playground.armCrash': method(z.object({ armed: z.boolean() }), Done),
  'playground.injectPoison': method(z.object({ key: z.string().min(1).max(100) }), z.object({ partition: z.number(), offset: z.number() })),
  'playground.concurrentEdit': method(OrderIdInput, z.object({ first: CommandOutcome, second: CommandOutcome })),
  'playground.addConsumer': method(z.object({ groupId: z.literal('read-model') }), z.object({ memberId: z.string() })),
  'playground.removeConsumer': method(z.object({ memberId: z.string().nullable() }), Done),
  'playground.scenarioStart': method(z.object({ id: ScenarioIdSchema, lang: SampleLang }), ScenarioView),
  'playground.scenarioStep': method(Empty, ScenarioView.nullable()),
  'playground.scenarioRunAll': method(z.object({ id: ScenarioIdSchema, lang: SampleLang }), ScenarioView.nullable()),
  'playground.sagaRun': method(z.object({ mode: z.enum(['orchestrated', 'choreographed']), failAt: SagaStepSchema.nullable(), lang: SampleLang }), SagaRunView),
  'playground.sagaList': method(Empty, z.array(SagaRunView)),
  /** The student's OrderSaga (order-saga draft, else the reference solution) run in the sandbox. */
  'playground.sagaRunMine': method(z.object({ failAt: SagaStepSchema.nullable(), failCompensation: z.boolean(), lang: SampleLang }), SagaRunView),
  'playground.bankCommand': method(
    z.object({ command: AccountCommandInput, code: CodeChoice }),
    z.object({ outcome: AccountOutcome, source: z.enum(['reference', 'draft']), noDraft: z.boolean() }),
  ),
  'playground.bankOverview': method(Empty, BankOverview),
  'playground.bankAccount': method(z.object({ accountId: Id }), AccountView),
  'playground.bankStateAt': method(
    z.object({ accountId: Id, version: z.number().int().min(0) }),
    z.object({ version: z.number(), state: AccountStateView, event: EventAt }),
  ),
  'playground.setMyCode': method(z.object({ enabled: z.boolean() }), z.object({ enabled: z.boolean(), message: z.string().optional() })),
  'playground.reset': method(z.object({ confirm: z.literal(true) }), Done),
  'playground.kafkaPort': method(Empty, KafkaPortStatus),
  /** Fails with KAFKA_PORT_IN_USE / KAFKA_PORT_NOT_PERMITTED / KAFKA_LISTEN_FAILED (details: { port }). */
  'playground.kafkaPortOpen': method(z.object({ port: KafkaPortNumber }), KafkaPortStatus),
  'playground.kafkaPortClose': method(Empty, KafkaPortStatus),
};

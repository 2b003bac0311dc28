// A playground session: its own event store file (never the progress database), the broker
// pipeline fed by the relay, the read model, scenarios, faults, sagas and time travel.
// Synchronous where SQLite is; a command becomes asynchronous only when the student's
// aggregate (in the sandbox) decides it.
import fs from 'node:fs';
import path from 'node:path';
import { murmur2, partitionForKey, toPositive } from '../broker';
import {
  evolve,
  fromRecordedEvent,
  initialState,
  orderStreamId,
  type OrderCommand,
  type OrderState,
} from '../domain/orders';
import { openEventStore, type EventStore, type RecordedEvent } from '../store';
import { ActivityLog } from './activity';
import { listOrders, matchesOrderQuery, type OrderListPage } from './orderList';
import { runConcurrentEdit, runReferenceCommand, runStudentCommand, newOrderId, type AggregateDecider, type CommandOutcome } from './orders';
import { NOTIFIER_GROUP, Pipeline, READ_MODEL_GROUP, TOPIC } from './pipeline';
import { runSaga, type SagaMode, type SagaRun, type SagaStep } from './saga';
import { accountStreamId, foldAccount, runAccountCommand, toAccountEvent, type AccountCommand, type AccountDecider, type AccountOutcome } from './bank';
import { sagaTimeline, type ProbeAnswer, type SagaProbeReport, type StudentSagaInput } from './studentSaga';
import { buildScenario, sampleCreate, samplePay, sampleShip, SAMPLE_TOTAL, type ScenarioId, type ScenarioStep, type StepResult } from './scenarios';

export type ChangeKind = 'store' | 'broker' | 'projection' | 'playground';
export interface ChangeNotice {
  kind: ChangeKind;
  streamId?: string;
  fromPosition?: number;
  toPosition?: number;
  reason?: string;
}

export interface PlaygroundOptions {
  /** Folder holding playground.sqlite, or ':memory:'. */
  dataDir: string;
  partitions?: number;
  consumers?: number;
  /** Run the pipeline on timers (the app). Tests leave it off and call pump() themselves. */
  autoPump?: boolean;
  onChange?: (notice: ChangeNotice) => void;
}

const SNAPSHOT_NAME = 'playground';
const foldOrder = (state: OrderState, e: RecordedEvent): OrderState => evolve(state, fromRecordedEvent(e));

export class PlaygroundSession {
  readonly file: string;
  readonly activity = new ActivityLog();
  private store!: EventStore;
  private pipeline!: Pipeline;
  private stopAppended: (() => void) | undefined;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private lastWall = Date.now();
  private delayMs = 0;
  private sagas: SagaRun[] = [];
  /** Refused account commands, newest first: what the bank tab lists with their codes. */
  private bankRefusals: { seq: number; at: string; accountId: string | null; command: string; amount: number | null; code: string; message: string; source: string }[] = [];
  private scenario: { id: ScenarioId; orderId: string; steps: ScenarioStep[]; next: number; results: StepResult[] } | undefined;
  private decider: AggregateDecider | undefined;
  private closed = false;

  constructor(private readonly options: PlaygroundOptions) {
    // ':memory:' (tests, the engine's in-memory mode) keeps the playground out of the file system.
    this.file = options.dataDir === ':memory:' ? ':memory:' : path.join(options.dataDir, 'playground.sqlite');
    this.open();
  }

  private open(): void {
    if (this.file !== ':memory:') fs.mkdirSync(this.options.dataDir, { recursive: true });
    this.store = openEventStore({ path: this.file, moveAsideIfDamaged: true });
    this.pipeline = new Pipeline({ store: this.store, activity: this.activity, partitions: this.options.partitions ?? 3, consumers: this.options.consumers ?? 2 });
    this.stopAppended = this.store.onAppended((n) => {
      this.emit({ kind: 'store', streamId: n.streamId, fromPosition: n.firstGlobalPosition, toPosition: n.lastGlobalPosition });
      this.pipeline.publish();
      this.emit({ kind: 'broker' });
      this.schedulePump();
    });
    // The broker starts empty: republish the stored log and let the group consume it once, so
    // the read model is built the way it is kept (through the consumers), counted once.
    this.pipeline.pump();
  }

  private emit(notice: ChangeNotice): void {
    this.options.onChange?.(notice);
  }

  // ---- pipeline timing ---------------------------------------------------------------

  /** Runs the consumers once (tests call this; the app runs it on a timer after the projection delay). */
  pump(): ReturnType<Pipeline['pump']> {
    const now = Date.now();
    if (this.options.autoPump) this.pipeline.advance(now - this.lastWall);
    this.lastWall = now;
    const r = this.pipeline.pump();
    this.emit({ kind: 'broker' });
    this.emit({ kind: 'projection' });
    return r;
  }

  /** The pipeline's broker (replaced by reset(): read it again after one). */
  get broker(): Pipeline['broker'] {
    return this.pipeline.broker;
  }

  /** Something outside the session (a client on the Kafka port) changed the broker: tell the UI, let the readers run. */
  noteExternalBrokerActivity(): void {
    if (this.closed) return;
    this.emit({ kind: 'broker' });
    this.schedulePump();
  }

  /** Moves the broker's simulated clock (retry back-off) without waiting. */
  advance(ms: number): void {
    this.pipeline.advance(ms);
  }

  private schedulePump(delay = this.delayMs): void {
    if (!this.options.autoPump || this.closed || this.pumpTimer) return;
    this.pumpTimer = setTimeout(() => {
      this.pumpTimer = undefined;
      if (this.closed) return;
      const r = this.pump();
      if (r.waitingRetries > 0) this.schedulePump(400);
    }, delay);
  }

  setDelay(ms: number): void {
    this.delayMs = Math.max(0, Math.min(60_000, Math.round(ms)));
    this.emit({ kind: 'playground', reason: 'delay' });
  }

  // ---- commands --------------------------------------------------------------------

  useDecider(decider: AggregateDecider | undefined): void {
    this.decider = decider;
    this.emit({ kind: 'playground', reason: 'my-code' });
  }

  get myCode(): boolean {
    return this.decider !== undefined;
  }

  async execute(command: OrderCommand): Promise<CommandOutcome> {
    return this.decider ? runStudentCommand(this.store, this.decider, command) : runReferenceCommand(this.store, command);
  }

  /** Synchronous, reference aggregate only: what scenarios and tests use for bulk load. */
  executeReference(command: OrderCommand): CommandOutcome {
    return runReferenceCommand(this.store, command);
  }

  concurrentEdit(orderId: string): { first: CommandOutcome; second: CommandOutcome } {
    const r = runConcurrentEdit(this.store, orderId);
    if (!r.second.ok && r.second.code === 'CONCURRENCY') this.activity.add('concurrency', { orderId, code: r.second.code });
    this.emit({ kind: 'playground', reason: 'activity' });
    return r;
  }

  /** 4 commands per order (create, pay, ship, deliver) for `orders` orders, in one transaction per order. */
  bulkHappyPath(orders: number): number {
    let commands = 0;
    for (let i = 0; i < orders; i++) {
      const orderId = newOrderId();
      this.store.transaction(() => {
        for (const c of happyCommands(orderId)) if (this.executeReference(c).ok) commands++;
      });
    }
    return commands;
  }

  // ---- scenarios -------------------------------------------------------------------

  startScenario(id: ScenarioId): { id: ScenarioId; orderId: string; steps: { label: string; params: Record<string, string | number> }[]; next: number } {
    const orderId = newOrderId();
    const steps = buildScenario(id, { execute: (c) => this.execute(c), concurrentEdit: (o) => this.concurrentEdit(o), injectPoison: (k) => this.injectPoison(k), armCommitFirstCrash: () => this.armCommitFirstCrash(), armSlowConsumer: () => this.armSlowConsumer(), keyedByType: (c) => this.keyedByType(c), bulkHappyPath: (n) => this.bulkHappyPath(n) }, orderId);
    this.scenario = { id, orderId, steps, next: 0, results: [] };
    return this.scenarioState()!;
  }

  scenarioState() {
    const s = this.scenario;
    if (!s) return undefined;
    return { id: s.id, orderId: s.orderId, steps: s.steps.map(({ label, params }) => ({ label, params })), next: s.next, results: s.results };
  }

  async scenarioStep(): Promise<StepResult | undefined> {
    const s = this.scenario;
    if (!s || s.next >= s.steps.length) return undefined;
    const result = await s.steps[s.next]!.run();
    s.results.push(result);
    s.next++;
    this.emit({ kind: 'playground', reason: 'scenario' });
    return result;
  }

  async runScenario(id: ScenarioId): Promise<StepResult[]> {
    this.startScenario(id);
    const out: StepResult[] = [];
    for (let r = await this.scenarioStep(); r; r = await this.scenarioStep()) out.push(r);
    return out;
  }

  // ---- faults ----------------------------------------------------------------------

  armCrash(armed = true): void {
    this.pipeline.armCrash(armed);
    this.emit({ kind: 'playground', reason: 'fault' });
  }

  /** Delivers what is pending, then makes the next reader commit before processing and die. */
  armCommitFirstCrash(): void {
    this.pump();
    this.pipeline.armCommitFirstCrash();
    this.emit({ kind: 'playground', reason: 'fault' });
  }

  /** Delivers what is pending, then makes the next reader that gets records work past max.poll.interval.ms. */
  armSlowConsumer(): void {
    this.pump();
    this.pipeline.armSlowConsumer();
    this.emit({ kind: 'playground', reason: 'fault' });
  }

  /** Runs the commands while the relay keys records by event type (a misconfigured producer); then the key is right again. */
  async keyedByType(commands: OrderCommand[]): Promise<CommandOutcome[]> {
    const outcomes: CommandOutcome[] = [];
    this.pipeline.keyByType = true;
    try {
      for (const command of commands) outcomes.push(await this.execute(command));
      this.pipeline.publish();
    } finally {
      this.pipeline.keyByType = false;
    }
    this.emit({ kind: 'broker' });
    return outcomes;
  }

  injectPoison(key = `poison-${newOrderId()}`): { partition: number; offset: number } {
    const r = this.pipeline.injectPoison(key);
    this.emit({ kind: 'broker' });
    this.schedulePump();
    return r;
  }

  setInbox(enabled: boolean): void {
    this.pipeline.model.inboxEnabled = enabled;
    this.emit({ kind: 'playground', reason: 'inbox' });
  }

  addConsumer(): string {
    const id = this.pipeline.addConsumer();
    this.emit({ kind: 'broker' });
    this.schedulePump(0);
    return id;
  }

  removeConsumer(memberId?: string): boolean {
    const ok = this.pipeline.removeConsumer(memberId);
    this.emit({ kind: 'broker' });
    this.schedulePump(0);
    return ok;
  }

  // ---- read model ------------------------------------------------------------------

  private replayReadModel(): number {
    this.pipeline.model.reset();
    let after = 0;
    let n = 0;
    for (;;) {
      const batch = this.store.readAll({ after, maxCount: 2000 });
      if (batch.length === 0) break;
      for (const e of batch) this.pipeline.model.replayEvent(e);
      after = batch[batch.length - 1]!.globalPosition;
      n += batch.length;
    }
    return n;
  }

  rebuildReadModel(): number {
    const n = this.replayReadModel();
    this.activity.add('rebuild', { events: n });
    this.emit({ kind: 'projection' });
    return n;
  }

  readModel(options: { page: number; pageSize: number; query?: string }) {
    const query = options.query ?? '';
    const rows = [...this.pipeline.model.rows.values()].filter((r) => matchesOrderQuery(query, { orderId: r.state.id, customerId: r.state.customerId })).sort(
      (a, b) => (b.state.createdAt ?? '').localeCompare(a.state.createdAt ?? '') || a.state.id.localeCompare(b.state.id),
    );
    const start = (options.page - 1) * options.pageSize;
    return {
      total: rows.length,
      orders: rows.slice(start, start + options.pageSize).map((r) => ({
        orderId: r.state.id,
        customerId: r.state.customerId,
        status: r.state.status,
        totalAmount: r.state.totalAmount,
        version: r.state.version,
        applied: r.applied,
        itemCount: r.state.items.length, // lines (distinct products), as the lesson and orders-read-model count
      })),
      stats: this.pipeline.model.summary(),
      delayMs: this.delayMs,
      inbox: this.pipeline.model.inboxEnabled,
    };
  }

  readModelDetails(orderId: string): { state: OrderState; applied: number } | undefined {
    const row = this.pipeline.model.rows.get(orderId);
    return row ? { state: structuredClone(row.state), applied: row.applied } : undefined;
  }

  // ---- event store views -----------------------------------------------------------

  globalLog(options: { offset: number; limit: number }) {
    const events = this.store.readAll({ after: options.offset, maxCount: options.limit });
    return {
      head: this.store.headPosition(),
      events: events.map((e) => ({ position: e.globalPosition, streamId: e.streamId, version: e.streamVersion, type: e.type, recordedAt: e.recordedAt })),
    };
  }

  stream(orderId: string) {
    const r = this.store.readStream(orderStreamId(orderId));
    return {
      orderId,
      currentVersion: r.currentVersion,
      events: r.events.map((e) => ({ version: e.streamVersion, position: e.globalPosition, type: e.type, data: e.data, recordedAt: e.recordedAt, eventId: e.eventId })),
    };
  }

  /** The write side's view of an order now: folded from its stream (what a command handler sees). */
  writeState(orderId: string): OrderState | undefined {
    const r = this.store.aggregateStream(orderStreamId(orderId), { initialState, evolve: foldOrder });
    return r.streamExists ? r.state : undefined;
  }

  /** Time travel: the state as of `version` and the event that produced it. */
  stateAt(orderId: string, version: number) {
    const streamId = orderStreamId(orderId);
    const r = this.store.aggregateStream(streamId, { initialState, evolve: foldOrder, toVersion: version });
    const [event] = this.store.readStream(streamId, { fromVersion: version, toVersion: version }).events;
    return {
      version,
      currentVersion: r.currentVersion,
      state: r.state,
      event: event ? { version: event.streamVersion, type: event.type, data: event.data, recordedAt: event.recordedAt } : null,
    };
  }

  takeSnapshot(orderId: string) {
    const streamId = orderStreamId(orderId);
    this.store.deleteSnapshot(streamId, SNAPSHOT_NAME);
    this.store.aggregateStream(streamId, { initialState, evolve: foldOrder, snapshot: { version: 1, every: 1, name: SNAPSHOT_NAME } });
    const snap = this.store.readSnapshot(streamId, SNAPSHOT_NAME);
    if (snap) this.activity.add('snapshot', { orderId, version: snap.streamVersion });
    this.emit({ kind: 'playground', reason: 'snapshot' });
    return snap ? { streamVersion: snap.streamVersion, createdAt: snap.createdAt } : null;
  }

  /** Loads the order the way a handler would with snapshots on: from the snapshot, then the newer events. */
  loadWithSnapshot(orderId: string) {
    const streamId = orderStreamId(orderId);
    const r = this.store.aggregateStream(streamId, {
      initialState,
      evolve: foldOrder,
      // `every` is huge so loading never writes a snapshot by itself: taking one is a visible act here.
      snapshot: { version: 1, every: Number.MAX_SAFE_INTEGER, name: SNAPSHOT_NAME },
    });
    const snap = this.store.readSnapshot(streamId, SNAPSHOT_NAME);
    return {
      state: r.state,
      currentVersion: r.currentVersion,
      snapshotVersion: r.snapshotVersion,
      eventsFolded: r.eventsFolded,
      snapshot: snap ? { streamVersion: snap.streamVersion, createdAt: snap.createdAt } : null,
    };
  }

  // ---- broker views ----------------------------------------------------------------

  brokerView(options: { cellsPerPartition: number }) {
    const d = this.pipeline.broker.describe();
    const topics = d.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        const from = Math.max(p.logStartOffset, p.logEndOffset - options.cellsPerPartition);
        const records = this.pipeline.broker.read(t.name, p.partition, { fromOffset: from, maxRecords: options.cellsPerPartition });
        return {
          partition: p.partition,
          logStartOffset: p.logStartOffset,
          logEndOffset: p.logEndOffset,
          records: records.map((r) => {
            const v = r.value as { type?: unknown; streamVersion?: unknown } | null;
            return {
              offset: r.offset,
              key: r.key,
              type: typeof v?.type === 'string' ? v.type : null,
              streamVersion: typeof v?.streamVersion === 'number' ? v.streamVersion : null,
              headers: { ...r.headers },
            };
          }),
        };
      }),
    }));
    return {
      time: d.time,
      topics,
      groups: d.groups.map((g) => ({
        groupId: g.groupId,
        generation: g.generation,
        state: g.state,
        assignor: g.assignor,
        totalLag: g.totalLag,
        members: g.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, origin: m.origin, status: m.status, generation: m.generation, assignment: m.assignment })),
        partitions: g.partitions.map((p) => ({ topic: p.topic, partition: p.partition, owner: p.owner, position: p.position, committed: p.committed, lag: p.lag })),
      })),
      lagHistory: this.pipeline.lag(),
      journal: this.journalTail(30),
      readers: this.pipeline.memberIds(),
      crashArmed: this.pipeline.crashIsArmed,
      notificationsSent: this.pipeline.notificationsSent,
      topic: TOPIC,
      readModelGroup: READ_MODEL_GROUP,
      notifierGroup: NOTIFIER_GROUP,
    };
  }

  /** The newest broker journal entries, newest first, each as a type, its fields as short text and as params. */
  journalTail(count: number) {
    const seq = this.pipeline.broker.describe().journalSeq;
    return this.pipeline.broker
      .journal({ after: Math.max(0, seq - count) })
      .reverse()
      .map(({ seq: s, time, type, ...fields }) => ({
        seq: s,
        time,
        type,
        fields: Object.entries(fields)
          .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
          .join(' ')
          .slice(0, 300),
        // The same fields as short values, so the page can word each entry as a sentence.
        params: journalParams(fields),
      }));
  }

  /** key → murmur2 → partition, step by step, for the explanation panel. */
  explainKey(key: string) {
    const bytes = new TextEncoder().encode(key);
    const hash = murmur2(key);
    const positive = toPositive(hash);
    const partitions = this.pipeline.partitions;
    return {
      key,
      utf8: Array.from(bytes.slice(0, 64), (b) => b.toString(16).padStart(2, '0')).join(' '),
      murmur2: hash,
      positive,
      partitions,
      partition: partitionForKey(key, partitions),
    };
  }

  // ---- sagas -----------------------------------------------------------------------

  runSaga(mode: SagaMode, failAt: SagaStep | null): SagaRun {
    const orderId = newOrderId();
    const sagaId = `${mode === 'orchestrated' ? 'orch' : 'chor'}-${orderId}`;
    this.executeReference(sampleCreate(orderId, 'saga-customer'));
    const quiet = (fn: () => void) => {
      try {
        fn();
      } catch {
        // The order may refuse (e.g. already cancelled): the saga's timeline still tells what happened.
      }
    };
    const run = runSaga({
      sagaId,
      orderId,
      mode,
      failAt,
      order: {
        pay: (id) => quiet(() => this.executeReference(samplePay(id, sagaId))),
        ship: (id) => quiet(() => this.executeReference(sampleShip(id, sagaId))),
        cancel: (id, reason) => quiet(() => this.executeReference({ type: 'CancelOrder', orderId: id, reason })),
      },
      record: (entry) => {
        this.store.appendToStream(`saga-${sagaId}`, [{ type: entry.name, data: { sagaId, orderId, mode, ...entry } }]);
      },
    });
    return this.keepSaga(run);
  }

  /**
   * The student's OrderSaga (or the exercise's reference solution), run in the sandbox by `probe`.
   * Its timeline is kept and stored like the built-in saga's; the order it served is paid, shipped
   * and cancelled as the services' answers and the saga's log say.
   */
  async runStudentSaga(options: {
    failAt: SagaStep | null;
    failCompensation: boolean;
    source: 'draft' | 'solution';
    probe: (input: StudentSagaInput) => Promise<ProbeAnswer<SagaProbeReport>>;
  }): Promise<SagaRun> {
    const orderId = newOrderId();
    const sagaId = `mine-${orderId}`;
    this.executeReference(sampleCreate(orderId, 'saga-customer'));
    const answer = await options.probe({ sagaId, orderId, failAt: options.failAt, failCompensation: options.failCompensation, amount: SAMPLE_TOTAL });
    const base = { sagaId, orderId, mode: 'orchestrated' as const, failAt: options.failAt, source: options.source, failCompensation: options.failCompensation };
    let run: SagaRun;
    if (!answer.ok) {
      run = { ...base, status: 'error', timeline: [], message: answer.message };
    } else {
      const { timeline, status, effects } = sagaTimeline(answer.report);
      run = { ...base, status, timeline };
      const quiet = (c: OrderCommand) => void this.executeReference(c); // a refusal is fine: the timeline tells the story
      if (this.closed) return run;
      if (effects.paid) quiet(samplePay(orderId, sagaId));
      if (effects.shipped) quiet(sampleShip(orderId, sagaId));
      if (status === 'compensated' || status === 'compensation-failed') quiet({ type: 'CancelOrder', orderId, reason: `saga ${sagaId}: ${options.failAt} failed` });
      if (timeline.length) {
        this.store.appendToStream(
          `saga-${sagaId}`,
          timeline.map((entry) => ({ type: entry.name, data: { sagaId, orderId, mode: 'orchestrated', source: options.source, ...entry } })),
        );
      }
    }
    return this.keepSaga(run);
  }

  /** Keeps the newest 20 runs, newest first. */
  private keepSaga(run: SagaRun): SagaRun {
    this.sagas.unshift(run);
    this.sagas.length = Math.min(this.sagas.length, 20);
    this.emit({ kind: 'playground', reason: 'saga' });
    return run;
  }

  sagaRuns(): SagaRun[] {
    return this.sagas;
  }

  // ---- bank account -----------------------------------------------------------------

  async bankCommand(command: AccountCommand, decider: AccountDecider, source: 'reference' | 'draft'): Promise<AccountOutcome> {
    const outcome = await runAccountCommand(this.store, decider, command);
    if (!outcome.ok) {
      const amount = 'amount' in command && typeof command.amount === 'number' ? command.amount : null;
      const seq = (this.bankRefusals[0]?.seq ?? 0) + 1;
      this.bankRefusals.unshift({ seq, at: new Date().toISOString(), accountId: outcome.accountId, command: command.type, amount, code: outcome.code, message: outcome.message.slice(0, 300), source });
      this.bankRefusals.length = Math.min(this.bankRefusals.length, 30);
      this.emit({ kind: 'playground', reason: 'bank' });
    }
    return outcome;
  }

  /** An account's stream and its state folded from every event. */
  bankAccount(accountId: string) {
    const r = this.store.readStream(accountStreamId(accountId));
    const events = r.events.map(toAccountEvent);
    return {
      accountId,
      currentVersion: r.currentVersion,
      events: r.events.map((e) => ({ version: e.streamVersion, position: e.globalPosition, type: e.type, data: e.data, recordedAt: e.recordedAt })),
      state: foldAccount(events),
    };
  }

  /** Time travel: the account replayed up to `version`, and the event that made that version. */
  bankStateAt(accountId: string, version: number) {
    const r = this.store.readStream(accountStreamId(accountId), { toVersion: version });
    const events = r.events.map(toAccountEvent);
    const last = r.events[r.events.length - 1];
    return {
      version,
      state: foldAccount(events),
      event: last && last.streamVersion === version ? { version: last.streamVersion, type: last.type, data: last.data, recordedAt: last.recordedAt } : null,
    };
  }

  bankOverview(limit = 100) {
    return { accountIds: this.recentStreamIds('AccountOpened', accountStreamId, limit), refusals: this.bankRefusals };
  }

  // ---- overview, reset, close ------------------------------------------------------

  overview() {
    return {
      head: this.store.headPosition(),
      delayMs: this.delayMs,
      inbox: this.pipeline.model.inboxEnabled,
      crashArmed: this.pipeline.crashIsArmed,
      myCode: this.myCode,
      partitions: this.pipeline.partitions,
      readModelPosition: this.pipeline.model.stats.handled,
      scenario: this.scenarioState() ?? null,
      activity: this.activity.list(60),
    };
  }

  /** Orders in the store, newest first, found by part of the id or the customer, a page at a time. */
  orderList(options: { query: string; offset: number; limit: number }): OrderListPage {
    return listOrders(this.store.readAll({ types: ['OrderCreated'] }), orderStreamId(''), options);
  }

  /** Every order id in the store, newest first (for pickers). */
  orderIds(limit = 200): string[] {
    return this.recentStreamIds('OrderCreated', orderStreamId, limit);
  }

  /** Ids of the newest streams that `firstType` started (within the last 5,000 positions), newest first. */
  private recentStreamIds(firstType: string, streamIdOf: (id: string) => string, limit: number): string[] {
    const prefix = streamIdOf('');
    const out: string[] = [];
    const rows = this.store.readAll({ after: Math.max(0, this.store.headPosition() - 5000), types: [firstType] });
    for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) {
      const streamId = rows[i]!.streamId;
      if (streamId.startsWith(prefix)) out.push(streamId.slice(prefix.length));
    }
    return out;
  }

  /** Deletes the playground's own file and starts empty. Progress lives elsewhere and is untouched. */
  reset(): void {
    this.teardown();
    if (this.file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
    this.activity.clear();
    this.sagas = [];
    this.bankRefusals = [];
    this.scenario = undefined;
    this.closed = false;
    this.open();
    this.emit({ kind: 'playground', reason: 'reset' });
    this.emit({ kind: 'broker' });
    this.emit({ kind: 'projection' });
  }

  private teardown(): void {
    this.closed = true;
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
    this.stopAppended?.();
    this.pipeline.close();
    this.store.close();
  }

  close(): void {
    if (!this.closed) this.teardown();
  }
}

export function happyCommands(orderId: string): OrderCommand[] {
  return [
    sampleCreate(orderId),
    samplePay(orderId),
    sampleShip(orderId),
    { type: 'DeliverOrder', orderId },
  ];
}

/** Journal fields as primitives: partition lists read "P0@12, P1@7", other lists are joined, objects are JSON. */
export function journalParams(fields: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(partitionText).join(', ').slice(0, 300);
    else out[k] = JSON.stringify(v).slice(0, 300);
  }
  return out;
}

function partitionText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  const o = v as { partition?: unknown; offset?: unknown; fromOffset?: unknown; toOffset?: unknown; memberId?: unknown; assignment?: unknown };
  if (typeof o.memberId === 'string') return `${o.memberId}: [${Array.isArray(o.assignment) ? o.assignment.map(partitionText).join(' ') : ''}]`;
  if (typeof o.partition === 'number' && typeof o.offset === 'number') return `P${o.partition}@${o.offset}`;
  if (typeof o.partition === 'number' && typeof o.fromOffset === 'number') return `P${o.partition}@${o.fromOffset}–${String(o.toOffset)}`;
  if (typeof o.partition === 'number') return `P${o.partition}`;
  return JSON.stringify(v);
}

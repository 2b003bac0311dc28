// A playground session: its own event store file (never the progress database) and the broker
// pipeline the relay feeds, opened, reset and closed here, with the timing of the consumers (the
// projection delay, retries). What a student does goes through the session's parts: orders,
// scenarios, sagas, bank and the pipeline controls; what they see comes from the pure views
// (storeViews, pipelineViews) over `store` and `pipeline`.
import fs from 'node:fs';
import path from 'node:path';
import { openEventStore, type EventStore } from '../store';
import { ActivityLog } from './activity';
import { BankAccounts } from './bankAccounts';
import { PipelineControls } from './controls';
import { DualWriteService } from './dualWrite';
import { PlaygroundOrders, type AggregateDecider } from './orders';
import { OutboxService } from './outboxCrash';
import { Pipeline } from './pipeline';
import { SagaRuns } from './sagas';
import { ScenarioPlayer } from './scenarios';
import { PLAYGROUND_PARTS, type PlaygroundPart } from '../common/playground';
import type { SessionCore } from './sessionCore';
import { orderIds } from './storeViews';


export interface PlaygroundOptions {
  /** Folder holding playground.sqlite, or ':memory:'. */
  dataDir: string;
  partitions?: number;
  consumers?: number;
  /** Run the pipeline on timers (the app). Tests leave it off and call pump() themselves. */
  autoPump?: boolean;
  /** Called with the parts a change touched (many times per command: coalesce before pushing). */
  onChange?: (parts: readonly PlaygroundPart[]) => void;
}

/** One run of the session: a store and a pipeline, and the parts working on them. A reset makes a new one. */
interface Run extends SessionCore {
  closed: boolean;
  stopAppended: () => void;
}

export class PlaygroundSession {
  readonly file: string;
  readonly activity = new ActivityLog();
  private run!: Run;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private lastWall = Date.now();
  private delay = 0;
  private decider: AggregateDecider | undefined;
  orders!: PlaygroundOrders;
  scenarios!: ScenarioPlayer;
  sagas!: SagaRuns;
  bank!: BankAccounts;
  controls!: PipelineControls;
  /** The crash lab's order service without an outbox (dual write) and with one. */
  dualWrite!: DualWriteService;
  outbox!: OutboxService;

  constructor(private readonly options: PlaygroundOptions) {
    // ':memory:' (tests, the engine's in-memory mode) keeps the playground out of the file system.
    this.file = options.dataDir === ':memory:' ? ':memory:' : path.join(options.dataDir, 'playground.sqlite');
    this.open();
  }

  private open(): void {
    if (this.file !== ':memory:') fs.mkdirSync(this.options.dataDir, { recursive: true });
    const store = openEventStore({ path: this.file, moveAsideIfDamaged: true });
    const pipeline = new Pipeline({ store, activity: this.activity, partitions: this.options.partitions ?? 3, consumers: this.options.consumers ?? 2 });
    const run: Run = {
      store,
      pipeline,
      activity: this.activity,
      closed: false,
      changed: (...parts) => this.changed(...parts),
      schedulePump: (delayMs) => this.schedulePump(delayMs),
      pump: () => void this.pump(),
      stopAppended: store.onAppended((n) => {
        pipeline.publish();
        this.changed('store', 'broker');
        this.schedulePump();
      }),
    };
    this.run = run;
    this.orders = new PlaygroundOrders(run, () => this.decider);
    this.controls = new PipelineControls(run);
    this.dualWrite = new DualWriteService(run);
    this.outbox = new OutboxService(run);
    this.scenarios = new ScenarioPlayer(
      {
        execute: (c) => this.orders.execute(c),
        concurrentEdit: (o) => this.orders.concurrentEdit(o),
        injectPoison: (k) => this.controls.injectPoison(k),
        armCommitFirstCrash: () => this.controls.armCommitFirstCrash(),
        armSlowConsumer: () => this.controls.armSlowConsumer(),
        keyedByType: (c) => this.orders.keyedByType(c),
        bulkHappyPath: (n) => this.orders.bulkHappyPath(n),
        dualWrite: (c, order, die) => (order === 'store-first' ? this.dualWrite.storeThenSend(c, die) : this.dualWrite.sendThenStore(c, die)),
        restartService: (orderId, outbox, relayDies) => (outbox ? void this.outbox.restart(orderId, relayDies) : this.dualWrite.restart(orderId)),
        commitThenDie: (c) => this.outbox.commitThenDie(c),
        recover: () => this.outbox.ensureUp(),
      },
      () => this.changed('session'),
      () => this.activity.lastSeq,
    );
    this.sagas = new SagaRuns(run, this.orders);
    this.bank = new BankAccounts(run);
    // The broker starts empty: republish the stored log and let the group consume it once, so
    // the read model is built the way it is kept (through the consumers), counted once.
    pipeline.pump();
  }

  private changed(...parts: PlaygroundPart[]): void {
    this.options.onChange?.(parts);
  }

  /** This run's event store (replaced by reset(): read it again after one). */
  get store(): EventStore {
    return this.run.store;
  }

  /** This run's pipeline: broker, relay, consumers and read model (replaced by reset()). */
  get pipeline(): Pipeline {
    return this.run.pipeline;
  }

  /** The pipeline's broker (replaced by reset(): read it again after one). */
  get broker(): Pipeline['broker'] {
    return this.run.pipeline.broker;
  }

  // ---- pipeline timing ---------------------------------------------------------------

  /** Runs the consumers once (tests call this; the app runs it on a timer after the projection delay). */
  pump(): ReturnType<Pipeline['pump']> {
    const now = Date.now();
    if (this.options.autoPump) this.pipeline.advance(now - this.lastWall);
    this.lastWall = now;
    const r = this.pipeline.pump();
    this.changed('broker', 'readModel');
    return r;
  }

  /** Something outside the session (a client on the Kafka port) changed the broker: tell the UI, let the readers run. */
  noteExternalBrokerActivity(): void {
    if (this.run.closed) return;
    this.changed('broker');
    this.schedulePump();
  }

  /** Moves the broker's simulated clock (retry back-off) without waiting. */
  advance(ms: number): void {
    this.pipeline.advance(ms);
  }

  private schedulePump(delay = this.delay): void {
    if (!this.options.autoPump || this.run.closed || this.pumpTimer) return;
    this.pumpTimer = setTimeout(() => {
      this.pumpTimer = undefined;
      if (this.run.closed) return;
      const r = this.pump();
      if (r.waitingRetries > 0) this.schedulePump(400);
    }, delay);
  }

  /** The projection delay: how long the readers wait before they consume what was appended. */
  get delayMs(): number {
    return this.delay;
  }

  setDelay(ms: number): void {
    this.delay = Math.max(0, Math.min(60_000, Math.round(ms)));
    this.changed('session');
  }

  // ---- "my code" ---------------------------------------------------------------------

  /** The student's aggregate decides the order commands from now on (undefined: the reference one). */
  useDecider(decider: AggregateDecider | undefined): void {
    this.decider = decider;
    this.changed('session');
  }

  get myCode(): boolean {
    return this.decider !== undefined;
  }

  // ---- overview, reset, close ------------------------------------------------------

  overview() {
    return {
      head: this.store.headPosition(),
      delayMs: this.delay,
      inbox: this.pipeline.model.inboxEnabled,
      crashArmed: this.pipeline.crashIsArmed,
      relayUp: this.pipeline.relayIsUp,
      myCode: this.myCode,
      partitions: this.pipeline.partitions,
      readModelPosition: this.pipeline.model.stats.handled,
      scenario: this.scenarios.state() ?? null,
      activity: this.activity.list(60),
      orderIds: orderIds(this.store, 100),
    };
  }

  /** Deletes the playground's own file and starts empty. Progress lives elsewhere and is untouched. */
  reset(): void {
    this.teardown();
    if (this.file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
    this.activity.clear();
    this.open();
    this.changed(...PLAYGROUND_PARTS);
  }

  private teardown(): void {
    this.run.closed = true;
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
    this.run.stopAppended();
    this.pipeline.close();
    this.store.close();
  }

  close(): void {
    if (!this.run.closed) this.teardown();
  }
}

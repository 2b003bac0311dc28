// Live subscriptions: resume from a stored checkpoint, catch up, then sleep until the store says
// "committed" (or an optional poll tick, for appends made by other processes). Pure: no Node imports.
import type { EventStore, ProjectionDefinition, RecordedEvent, Subscription, SubscriptionOptions } from './types';

type Timer = unknown;
const timers = globalThis as unknown as {
  setInterval?: (fn: () => void, ms: number) => Timer;
  clearInterval?: (timer: Timer) => void;
};

/** The wake/sleep/stop machinery shared by both kinds of live subscription. */
abstract class WakeLoop implements Subscription {
  protected state: 'running' | 'stopped' | 'failed' = 'running';
  private woken = false;
  private idle = false;
  private sleeper: (() => void) | undefined;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private unlisten: (() => void) | undefined;
  private timer: Timer | undefined;
  private loopDone: Promise<void> = Promise.resolve();
  protected failure: unknown;

  constructor(
    readonly name: string,
    protected readonly store: EventStore,
    private readonly pollIntervalMs: number | undefined,
    private readonly onEnd: () => void,
  ) {}

  /** One pass: handles what is there; returns true when it may have more to do. */
  protected abstract runOnce(): Promise<boolean> | boolean;
  abstract position(): number;

  start(): void {
    this.unlisten = this.store.onAppended(() => this.wake());
    if (this.pollIntervalMs && this.pollIntervalMs > 0 && timers.setInterval) {
      this.timer = timers.setInterval(() => this.wake(), this.pollIntervalMs);
      (this.timer as { unref?: () => void }).unref?.();
    }
    this.loopDone = this.loop();
  }

  status(): 'running' | 'stopped' | 'failed' {
    return this.state;
  }

  caughtUp(): Promise<void> {
    if (this.state === 'failed') return Promise.reject(this.failure);
    if (this.state === 'stopped' || (this.idle && !this.woken)) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    this.wake();
    await this.loopDone;
  }

  protected fail(error: unknown): void {
    this.state = 'failed';
    this.failure = error;
  }

  private wake(): void {
    this.woken = true;
    const sleeper = this.sleeper;
    this.sleeper = undefined;
    sleeper?.();
  }

  private async loop(): Promise<void> {
    await Promise.resolve(); // let the caller finish its synchronous work before the first pass
    while (this.state === 'running') {
      this.woken = false;
      this.idle = false;
      let more: boolean;
      try {
        const r = this.runOnce();
        more = typeof r === 'boolean' ? r : await r;
      } catch (error) {
        if (this.state === 'running') this.fail(error);
        break;
      }
      if (more || this.state !== 'running') continue;
      this.idle = true;
      if (!this.woken) {
        this.settleWaiters();
        await new Promise<void>((resolve) => (this.sleeper = resolve));
      }
    }
    this.idle = true;
    this.unlisten?.();
    if (this.timer !== undefined) timers.clearInterval?.(this.timer);
    this.settleWaiters();
    this.onEnd();
  }

  private settleWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (this.state === 'failed') w.reject(this.failure);
      else w.resolve();
    }
  }
}

/** At least once: each event is handed to `handle`; the checkpoint moves only past handled events. */
export class LiveSubscription extends WakeLoop {
  private pos = 0;
  private readonly batchSize: number;

  constructor(store: EventStore, private readonly options: SubscriptionOptions, onEnd: () => void) {
    super(options.name, store, options.pollIntervalMs, onEnd);
    this.batchSize = options.batchSize ?? 500;
  }

  override start(): void {
    this.pos = this.store.getCheckpoint(this.name);
    super.start();
  }

  position(): number {
    return this.pos;
  }

  protected async runOnce(): Promise<boolean> {
    const head = this.store.headPosition();
    if (this.pos >= head) return false;
    const batch = this.store.readAll({ after: this.pos, upTo: head, maxCount: this.batchSize, types: this.options.types });
    const start = this.pos;
    for (const event of batch) {
      if (this.state !== 'running') break;
      try {
        const r = this.options.handle(event);
        if (r && typeof (r as Promise<void>).then === 'function') await r;
      } catch (error) {
        this.save(start);
        this.fail(error);
        this.report(error, event);
        return false;
      }
      this.pos = event.globalPosition;
    }
    // A short type-filtered batch: nothing else up to head is for us.
    if (this.state === 'running' && batch.length < this.batchSize) this.pos = head;
    this.save(start);
    return true;
  }

  private save(start: number): void {
    if (this.pos === start) return;
    try {
      this.store.setCheckpoint(this.name, this.pos);
    } catch (error) {
      // Store closed while a handler was awaited: the next run redelivers (at least once).
      if (this.state === 'running') throw error;
    }
  }

  private report(error: unknown, event: RecordedEvent): void {
    if (this.options.onError) this.options.onError(error, event);
    else console.error(`event store: subscription "${this.name}" stopped at ${event.type} (global position ${event.globalPosition})`, error);
  }
}

/** Exactly once for rows in the store's database: each wake runs the projection in transactions with its checkpoint. */
export class ProjectionSubscription extends WakeLoop {
  constructor(
    store: EventStore,
    private readonly projection: ProjectionDefinition,
    private readonly options: { pollIntervalMs?: number; onError?(error: unknown): void },
    onEnd: () => void,
  ) {
    super(projection.name, store, options.pollIntervalMs, onEnd);
  }

  position(): number {
    try {
      return this.store.getCheckpoint(this.name);
    } catch {
      return 0; // store closed
    }
  }

  protected runOnce(): boolean {
    try {
      this.store.runProjection(this.projection);
    } catch (error) {
      if (this.state !== 'running') return false;
      this.fail(error);
      if (this.options.onError) this.options.onError(error);
      else console.error(`event store: projection "${this.name}" stopped`, error);
    }
    return false;
  }
}

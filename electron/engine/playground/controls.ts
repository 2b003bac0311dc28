// The pipeline's knobs on the faults and read-model tabs: the crash and poison faults, the inbox,
// adding and removing readers, rebuilding the read model from the store. Each tells the UI what
// changed and lets the consumers run where the change gives them work.
import { newOrderId } from './orders';
import type { SessionCore } from './sessionCore';

export class PipelineControls {
  constructor(private readonly core: SessionCore) {}

  armCrash(armed = true): void {
    this.core.pipeline.armCrash(armed);
    this.core.changed('session');
  }

  /** Delivers what is pending, then makes the next reader commit before processing and die. */
  armCommitFirstCrash(): void {
    this.core.pump();
    this.core.pipeline.armCommitFirstCrash();
    this.core.changed('session');
  }

  /** Delivers what is pending, then makes the next reader that gets records work past max.poll.interval.ms. */
  armSlowConsumer(): void {
    this.core.pump();
    this.core.pipeline.armSlowConsumer();
    this.core.changed('session');
  }

  injectPoison(key = `poison-${newOrderId()}`): { partition: number; offset: number } {
    const r = this.core.pipeline.injectPoison(key);
    this.core.changed('broker');
    this.core.schedulePump();
    return r;
  }

  setInbox(enabled: boolean): void {
    this.core.pipeline.model.inboxEnabled = enabled;
    this.core.changed('session');
  }

  addConsumer(): string {
    const id = this.core.pipeline.addConsumer();
    this.core.changed('broker');
    this.core.schedulePump(0);
    return id;
  }

  removeConsumer(memberId?: string): boolean {
    const ok = this.core.pipeline.removeConsumer(memberId);
    this.core.changed('broker');
    this.core.schedulePump(0);
    return ok;
  }

  /** Empties the read model and replays the whole store into it (each event once, through the inbox). */
  rebuildReadModel(): number {
    const { pipeline, store } = this.core;
    pipeline.model.reset();
    let after = 0;
    let n = 0;
    for (;;) {
      // Lazy: the read model parses the payloads of order streams only.
      const batch = store.readAll({ after, maxCount: 2000, lazy: true });
      if (batch.length === 0) break;
      for (const e of batch) pipeline.model.replayEvent(e);
      after = batch[batch.length - 1]!.globalPosition;
      n += batch.length;
    }
    this.core.activity.add('rebuild', { events: n });
    this.core.changed('readModel');
    return n;
  }
}

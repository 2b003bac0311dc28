// The same crash WITH the transactional outbox, for the crash lab. In this store the global log is the
// outbox: an event and its log entry commit in one transaction, and the relay publishes the log from
// its checkpoint. The order service dies right after a commit, before its relay ran: the event waits
// in the log. Restarted, the relay resumes from its checkpoint and sends it; if it dies again after
// the send and before saving the checkpoint, it sends it once more — the consumers' inbox skips that.
import type { OrderCommand } from '../domain/orders';
import { runReferenceCommand, type CommandOutcome } from './orders';
import type { SessionCore } from './sessionCore';

export class OutboxService {
  constructor(private readonly core: SessionCore) {}

  /** Commits the command's events (with their outbox entry: the log) and dies before the relay runs. */
  commitThenDie(command: OrderCommand): CommandOutcome {
    const { store, pipeline, activity } = this.core;
    // Whatever was committed before is published first: the crash is about this command's events.
    pipeline.publish();
    pipeline.stopRelay();
    const outcome = runReferenceCommand(store, command);
    // A refused command commits nothing: no crash then, the relay carries on.
    if (!outcome.ok || outcome.events.length === 0) pipeline.startRelay();
    else {
      const [first] = outcome.events;
      activity.add('died-after-commit', { orderId: outcome.orderId, type: first!.type, version: first!.version, position: first!.globalPosition, checkpoint: pipeline.relayCheckpoint() });
    }
    this.core.changed('store', 'session');
    return outcome;
  }

  /**
   * The service starts again and its relay resumes from the checkpoint. With `dieBeforeCheckpoint`
   * the relay sends, then dies before saving the checkpoint (it stays down until the next restart).
   */
  restart(orderId: string | null, dieBeforeCheckpoint = false): number {
    const { pipeline, activity } = this.core;
    const from = pipeline.relayCheckpoint();
    activity.add('restart-with-outbox', { orderId, checkpoint: from });
    if (dieBeforeCheckpoint) pipeline.armRelayDeathBeforeCheckpoint();
    const sent = pipeline.startRelay();
    if (pipeline.relayIsUp) activity.add('relay-resumed', { from, sent, checkpoint: pipeline.relayCheckpoint() });
    this.core.changed('broker', 'session');
    this.core.schedulePump();
    return sent;
  }

  /** A scenario left the service down (stopped half-way): start it again before anything else runs. */
  ensureUp(): void {
    if (!this.core.pipeline.relayIsUp) this.restart(null);
  }
}

// The playground's Kafka port ("one broker, two doors"): opens the wire protocol on 127.0.0.1 in
// front of the session's broker, follows the session through a reset (same port, new broker) and
// closes with it. Off until asked; the status says what is open and why opening failed.
import { DEFAULT_KAFKA_PORT, KafkaPortError, openKafkaPort, type KafkaPort, type KafkaPortErrorCode } from '../kafka-port';
import type { PlaygroundSession } from './session';

export interface KafkaDoorStatus {
  open: boolean;
  host: string;
  /** The bound port when open, else the one last asked for (default 9092). */
  port: number;
  connections: number;
  /** Members of consumer groups that are real clients on the port. */
  clientMembers: number;
  /** Why the last open failed, as a code for the UI to word (null after a success). */
  error: { code: KafkaPortErrorCode; port: number } | null;
}

export class KafkaDoor {
  private port: KafkaPort | undefined;
  private wanted = DEFAULT_KAFKA_PORT;
  private error: KafkaDoorStatus['error'] = null;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly session: () => PlaygroundSession) {}

  status(): KafkaDoorStatus {
    const s = this.port;
    let clientMembers = 0;
    if (s) for (const g of this.session().broker.coordinator.groups.values()) for (const m of g.members.values()) if (m.origin === 'kafka') clientMembers++;
    return { open: s !== undefined, host: '127.0.0.1', port: s?.port ?? this.wanted, connections: s?.stats.connections ?? 0, clientMembers, error: this.error };
  }

  /** Opens on `port` (closing a port open elsewhere first). Rejects with KafkaPortError; the status keeps the code. */
  open(port: number): Promise<KafkaDoorStatus> {
    return this.serial(async () => {
      if (this.port && this.port.port === port) return this.status();
      await this.closeNow();
      this.wanted = port;
      try {
        const session = this.session();
        this.port = await openKafkaPort({ broker: session.broker, port, onActivity: () => session.noteExternalBrokerActivity(), onProblem: (m) => console.error('[kafka-port]', m) });
        this.error = null;
      } catch (e) {
        if (e instanceof KafkaPortError) this.error = { code: e.code, port: e.port };
        throw e;
      }
      return this.status();
    });
  }

  close(): Promise<KafkaDoorStatus> {
    return this.serial(async () => {
      await this.closeNow();
      return this.status();
    });
  }

  /** After the session's reset: the same port now fronts the new broker (clients reconnect). */
  followReset(): void {
    this.port?.retarget(this.session().broker);
  }

  private async closeNow(): Promise<void> {
    const p = this.port;
    this.port = undefined;
    await p?.close();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn, fn);
    this.busy = next.catch(() => undefined);
    return next;
  }
}

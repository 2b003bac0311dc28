// The Kafka port: a TCP listener on 127.0.0.1 that frames requests (int32 size + header + body),
// answers them one at a time per connection in order, and keeps the broker safe from its clients:
// a malformed or oversized frame closes that connection only, and connections are capped.
import { CodedError } from '../common/codedError';
import net from 'node:net';
import type { Broker, Clock } from '../broker';
import { ApiKey, isSupported } from './apiKeys';
import { MalformedFrame, Reader, Writer } from './codec';
import type { Handler, RequestContext } from './context';
import { fetch, produce } from './dataApis';
import { ErrorCode } from './errorCodes';
import { describeGroups, heartbeat, joinGroup, leaveGroup, listGroups, offsetCommit, offsetFetch, syncGroup } from './groupApis';
import { GroupCoordinator } from './groups';
import { apiVersions, createTopics, findCoordinator, initProducerId, listOffsets, metadata, writeApiVersions } from './metadataApis';

export const DEFAULT_KAFKA_PORT = 9092;
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS = 64;
const LOCALHOST = '127.0.0.1';

const HANDLERS: Record<number, Handler> = {
  [ApiKey.Produce]: produce,
  [ApiKey.Fetch]: fetch,
  [ApiKey.ListOffsets]: listOffsets,
  [ApiKey.Metadata]: metadata,
  [ApiKey.OffsetCommit]: offsetCommit,
  [ApiKey.OffsetFetch]: offsetFetch,
  [ApiKey.FindCoordinator]: findCoordinator,
  [ApiKey.JoinGroup]: joinGroup,
  [ApiKey.Heartbeat]: heartbeat,
  [ApiKey.LeaveGroup]: leaveGroup,
  [ApiKey.SyncGroup]: syncGroup,
  [ApiKey.DescribeGroups]: describeGroups,
  [ApiKey.ListGroups]: listGroups,
  [ApiKey.ApiVersions]: apiVersions,
  [ApiKey.CreateTopics]: createTopics,
  [ApiKey.InitProducerId]: initProducerId,
};

export type KafkaPortErrorCode = 'PORT_IN_USE' | 'PORT_NOT_PERMITTED' | 'LISTEN_FAILED';

/** Why the port could not open, as a code (the UI words it in Russian or English) plus the port. */
export class KafkaPortError extends CodedError {
  constructor(
    readonly code: KafkaPortErrorCode,
    readonly port: number,
    message: string,
  ) {
    super(message, { port });
  }
}

export interface KafkaPortOptions {
  broker: Broker<Clock>;
  /** 0 picks a free port (tests). */
  port?: number;
  maxFrameBytes?: number;
  maxConnections?: number;
  /** Partitions for topics created on first use (Kafka's auto.create.topics.enable + num.partitions); 0 turns it off. */
  autoCreatePartitions?: number;
  /** Called (at most once per macrotask) after requests that may have changed what the UI shows. */
  onActivity?: () => void;
  /** Connection-level problems (malformed frames, handler bugs); default: silent. */
  onProblem?: (message: string) => void;
}

export interface KafkaPortStats {
  connections: number;
  closedForBadFrames: number;
  refusedConnections: number;
  requests: number;
}

export interface KafkaPort {
  readonly host: string;
  readonly port: number;
  readonly stats: KafkaPortStats;
  /** Points the port at another broker (the playground was reset): group members are forgotten, clients reconnect. */
  retarget(broker: Broker<Clock>): void;
  close(): Promise<void>;
}

const QUIET_APIS = new Set<number>([ApiKey.ApiVersions, ApiKey.Metadata, ApiKey.FindCoordinator, ApiKey.OffsetFetch, ApiKey.ListOffsets, ApiKey.DescribeGroups, ApiKey.ListGroups]);

class Connection {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private busy = false;
  closed = false;
  private readonly waiters = new Set<(ok: boolean) => void>();

  constructor(
    readonly socket: net.Socket,
    private readonly server: PortServer,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiters) w(false);
    this.waiters.clear();
    this.socket.destroy();
    this.server.forget(this);
  }

  waitForAppend(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(done);
        this.server.appendWaiters.delete(wake);
        resolve(ok);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(true), ms);
      this.waiters.add(done);
      this.server.appendWaiters.add(wake);
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (!this.busy) void this.drain();
  }

  /** Handles complete frames in order; a handler that waits (a long-polling fetch) holds the ones after it. */
  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (!this.closed && this.pendingBytes >= 4) {
        const head = this.peek(4);
        const size = head.readInt32BE(0);
        if (size < 8 || size > this.server.maxFrameBytes) {
          this.server.problem(`closing a connection: frame of ${size} bytes (allowed 8..${this.server.maxFrameBytes})`);
          this.server.stats.closedForBadFrames++;
          this.close();
          return;
        }
        if (this.pendingBytes < 4 + size) break;
        const frame = this.take(4 + size).subarray(4);
        const out = this.server.handle(frame, this);
        const response = out instanceof Promise ? await out : out;
        if (this.closed) return;
        if (response === 'close') {
          this.server.stats.closedForBadFrames++;
          this.close();
          return;
        }
        if (response !== null) this.socket.write(response);
      }
      if (this.pendingBytes > this.server.maxFrameBytes * 2) this.socket.pause();
      else this.socket.resume();
    } finally {
      this.busy = false;
    }
  }

  private peek(n: number): Buffer {
    if (this.pending[0].length >= n) return this.pending[0];
    const all = Buffer.concat(this.pending);
    this.pending = [all];
    return all;
  }

  private take(n: number): Buffer {
    const first = this.peek(n);
    const out = first.subarray(0, n);
    const rest = first.subarray(n);
    if (rest.length > 0) this.pending[0] = rest;
    else this.pending.shift();
    this.pendingBytes -= n;
    return out;
  }
}

class PortServer implements KafkaPort {
  readonly host = LOCALHOST;
  port = 0;
  readonly stats: KafkaPortStats = { connections: 0, closedForBadFrames: 0, refusedConnections: 0, requests: 0 };
  readonly maxFrameBytes: number;
  readonly appendWaiters = new Set<() => void>();
  private readonly maxConnections: number;
  private readonly autoCreatePartitions: number;
  private readonly connections = new Set<Connection>();
  private broker!: Broker<Clock>;
  private coordinator!: GroupCoordinator;
  private readonly server: net.Server;
  private readonly expiryTimer: ReturnType<typeof setInterval>;
  private activityQueued = false;
  private readonly wakeAll = () => {
    for (const w of [...this.appendWaiters]) w();
  };

  constructor(private readonly options: KafkaPortOptions) {
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
    this.autoCreatePartitions = options.autoCreatePartitions ?? 1;
    this.attach(options.broker);
    this.server = net.createServer((socket) => this.accept(socket));
    this.expiryTimer = setInterval(() => {
      if (this.coordinator.expire() > 0) this.activity();
    }, 250);
    this.expiryTimer.unref();
  }

  private attach(broker: Broker<Clock>): void {
    if (this.broker) this.broker.appendWatchers.delete(this.wakeAll);
    this.broker = broker;
    this.coordinator = new GroupCoordinator(broker);
    broker.appendWatchers.add(this.wakeAll);
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (e: NodeJS.ErrnoException) => {
        this.server.off('listening', onListening);
        clearInterval(this.expiryTimer);
        this.broker.appendWatchers.delete(this.wakeAll);
        const code: KafkaPortErrorCode = e.code === 'EADDRINUSE' ? 'PORT_IN_USE' : e.code === 'EACCES' ? 'PORT_NOT_PERMITTED' : 'LISTEN_FAILED';
        reject(new KafkaPortError(code, port, `cannot listen on ${LOCALHOST}:${port}: ${e.message}`));
      };
      const onListening = () => {
        this.server.off('error', onError);
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve();
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen({ host: LOCALHOST, port, exclusive: true });
    });
  }

  private accept(socket: net.Socket): void {
    if (this.connections.size >= this.maxConnections) {
      this.stats.refusedConnections++;
      this.problem(`refusing a connection: ${this.maxConnections} are open already`);
      socket.destroy();
      return;
    }
    const c = new Connection(socket, this);
    this.connections.add(c);
    this.stats.connections = this.connections.size;
  }

  forget(c: Connection): void {
    this.connections.delete(c);
    this.stats.connections = this.connections.size;
  }

  problem(message: string): void {
    this.options.onProblem?.(message);
  }

  private activity(): void {
    if (!this.options.onActivity || this.activityQueued) return;
    this.activityQueued = true;
    setImmediate(() => {
      this.activityQueued = false;
      this.options.onActivity?.();
    });
  }

  /** One frame → the response frame, null (no response), or 'close' (malformed: drop the connection). */
  handle(frame: Buffer, conn: Connection): Buffer | null | 'close' | Promise<Buffer | null | 'close'> {
    this.stats.requests++;
    const r = new Reader(frame);
    let apiKey: number;
    let version: number;
    let correlationId: number;
    let clientId: string;
    try {
      apiKey = r.int16();
      version = r.int16();
      correlationId = r.int32();
      clientId = r.nullableString() ?? '';
    } catch (e) {
      this.problem(`closing a connection: malformed request header (${(e as Error).message})`);
      return 'close';
    }
    const w = new Writer(256);
    w.int32(0).int32(correlationId);
    if (apiKey === ApiKey.ApiVersions && !isSupported(apiKey, version)) {
      // KIP-511: an ApiVersions the broker does not know is answered in version 0 with the ranges
      writeApiVersions(w, 0, ErrorCode.UNSUPPORTED_VERSION);
      return this.finish(w);
    }
    const handler = HANDLERS[apiKey];
    if (handler === undefined || !isSupported(apiKey, version)) {
      w.int16(ErrorCode.UNSUPPORTED_VERSION);
      return this.finish(w);
    }
    const ctx: RequestContext = {
      broker: this.broker,
      coordinator: this.coordinator,
      host: this.host,
      port: this.port,
      nodeId: 0,
      clientId,
      clientHost: `/${conn.socket.remoteAddress ?? LOCALHOST}`,
      autoCreatePartitions: this.autoCreatePartitions,
      waitForAppend: (ms) => conn.waitForAppend(ms),
    };
    const done = (result: void | null): Buffer | null | 'close' => {
      if (!QUIET_APIS.has(apiKey)) this.activity();
      if (result === null) return null;
      return this.finish(w);
    };
    const failed = (e: unknown): 'close' => {
      this.problem(
        e instanceof MalformedFrame
          ? `closing a connection: malformed request (api ${apiKey} v${version}): ${e.message}`
          : `closing a connection: request (api ${apiKey} v${version}) failed: ${(e as Error)?.stack ?? String(e)}`,
      );
      return 'close';
    };
    try {
      const out = handler(ctx, version, r, w);
      if (out instanceof Promise) return out.then(done, failed);
      return done(out);
    } catch (e) {
      return failed(e);
    }
  }

  private finish(w: Writer): Buffer {
    const buf = w.result();
    buf.writeInt32BE(buf.length - 4, 0);
    return buf;
  }

  retarget(broker: Broker<Clock>): void {
    this.attach(broker);
    for (const c of [...this.connections]) c.close();
  }

  close(): Promise<void> {
    clearInterval(this.expiryTimer);
    this.broker.appendWatchers.delete(this.wakeAll);
    for (const c of [...this.connections]) c.close();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Opens the Kafka port on 127.0.0.1 in front of `broker`. Rejects with KafkaPortError (PORT_IN_USE, …). */
export async function openKafkaPort(options: KafkaPortOptions): Promise<KafkaPort> {
  const port = options.port ?? DEFAULT_KAFKA_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KafkaPortError('LISTEN_FAILED', port, `port must be an integer 0..65535, got ${port}`);
  const server = new PortServer(options);
  await server.listen(port);
  return server;
}

// Helpers for the Kafka port tests: a broker behind a port on a free port, kafkajs pointed at it,
// a raw protocol client for frames kafkajs would never send, and a condition waiter (no deadlines
// of its own: vitest's test timeout is the only limit).
import net from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { createBroker, type Broker, type SimClock } from '../../../electron/engine/broker';
import { openKafkaPort, type KafkaPort, type KafkaPortOptions } from '../../../electron/engine/kafka-port';
import { Reader, Writer } from '../../../electron/engine/kafka-port/codec';

export interface Harness {
  broker: Broker<SimClock>;
  port: KafkaPort;
  kafka: Kafka;
  problems: string[];
  close(): Promise<void>;
}

export async function startHarness(options: Partial<KafkaPortOptions> = {}, clientId = 'test-client'): Promise<Harness> {
  const broker = createBroker({ seed: 5 });
  const problems: string[] = [];
  const port = await openKafkaPort({ broker, port: 0, onProblem: (m) => problems.push(m), ...options });
  const kafka = new Kafka({ clientId, brokers: [`127.0.0.1:${port.port}`], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 50 } });
  return { broker, port, kafka, problems, close: () => port.close() };
}

export async function until<T>(probe: () => T | undefined | false | null | Promise<T | undefined | false | null>, everyMs = 20): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A bare protocol client: one socket, frames in, frames out, no retries and no interpretation. */
export class RawClient {
  private buffered = Buffer.alloc(0);
  private readonly waiting = new Map<number, (r: Reader) => void>();
  private nextCorrelation = 1;
  closed: Promise<void>;
  isClosed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 4) {
        const size = this.buffered.readInt32BE(0);
        if (this.buffered.length < 4 + size) break;
        const frame = this.buffered.subarray(4, 4 + size);
        this.buffered = this.buffered.subarray(4 + size);
        const r = new Reader(Buffer.from(frame));
        const id = r.int32();
        this.waiting.get(id)?.(r);
        this.waiting.delete(id);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', () => ((this.isClosed = true), resolve())));
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  /** Sends one request (header v1) and resolves with a reader positioned after the correlation id. */
  request(apiKey: number, version: number, body: (w: Writer) => void): Promise<Reader> {
    const id = this.nextCorrelation++;
    const w = new Writer(128);
    w.int32(0).int16(apiKey).int16(version).int32(id).nullableString('raw');
    body(w);
    const buf = w.result();
    buf.writeInt32BE(buf.length - 4, 0);
    const answer = new Promise<Reader>((resolve) => this.waiting.set(id, resolve));
    this.socket.write(buf);
    return answer;
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }
}

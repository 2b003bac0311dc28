// What a request handler sees: the broker and coordinator behind the port, who is asking, and how
// to wait for new records (long-polling fetches).
import type { Broker, Clock } from '../broker';
import type { Reader, Writer } from './codec';
import type { GroupCoordinator } from './groups';

export interface RequestContext {
  broker: Broker<Clock>;
  coordinator: GroupCoordinator;
  /** Advertised address of the one broker node (127.0.0.1 and the bound port). */
  host: string;
  port: number;
  nodeId: number;
  clientId: string;
  clientHost: string;
  /** Partitions of a topic created on first use (Metadata with auto-creation, Produce to a new name); 0 = never. */
  autoCreatePartitions: number;
  /** Resolves after the next append anywhere, or after `ms`, or when the connection closes (then `false`). */
  waitForAppend(ms: number): Promise<boolean>;
}

/** Writes the response body; `null` = this request gets no response (Produce with acks=0). */
export type Handler = (ctx: RequestContext, version: number, r: Reader, w: Writer) => void | null | Promise<void | null>;

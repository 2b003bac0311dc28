// The playground's Kafka door through the engine API: off by default, opens on a port, says so when
// the port is taken, shares the read-model group with the in-app readers, follows a reset, and
// closes with the engine. Also the desktop setting that opens it on start.
import net from 'node:net';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';
import type { DispatchResult } from '../../../electron/engine/api/dispatch';
import { until } from './support';

const engines: Engine[] = [];
const consumers: Consumer[] = [];
afterEach(async () => {
  for (const c of consumers.splice(0)) await c.disconnect().catch(() => undefined);
  for (const e of engines.splice(0)) await e.close();
});

function engine(): Engine {
  const e = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: projectRoot() });
  engines.push(e);
  return e;
}

async function call(e: Engine, name: string, input: unknown): Promise<DispatchResult> {
  return e.dispatch(name, input);
}

function value<T>(r: DispatchResult): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A port nobody listens on right now (bound and released; the engine API takes 1..65535, not 0). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

interface Status {
  open: boolean;
  port: number;
  clientMembers: number;
  error: { code: string; port: number } | null;
}

describe('the playground Kafka port', () => {
  it('is closed by default; opened, real clients join the read-model group beside the in-app readers and see the relay’s records', async () => {
    const e = engine();
    expect(value<Status>(await call(e, 'playground.kafkaPort', {})).open).toBe(false);
    const port = await freePort();
    const opened = value<Status>(await call(e, 'playground.kafkaPortOpen', { port }));
    expect(opened).toMatchObject({ open: true, port, error: null });

    // an order made in the app travels store → relay → topic 'order-events' → the kafkajs consumer
    const outcome = value<{ ok: boolean; orderId: string }>(
      await call(e, 'playground.command', { command: { type: 'CreateOrder', customerId: 'c1', items: [{ productId: 'p', productName: 'P', quantity: 1, unitPrice: 100 }], shippingAddress: 'A' } }),
    );
    expect(outcome.ok).toBe(true);
    const kafka = new Kafka({ clientId: 'student', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
    const c = kafka.consumer({ groupId: 'read-model', heartbeatInterval: 100, sessionTimeout: 6000, maxWaitTimeInMs: 50 });
    consumers.push(c);
    await c.connect();
    await c.subscribe({ topic: 'order-events', fromBeginning: true });
    // (kafkajs restarts a consumer disconnected while it is still starting: wait for its first fetch)
    const fetching = new Promise<void>((resolve) => c.on(c.events.FETCH, () => resolve()));
    void c.run({ eachMessage: async () => undefined });
    await fetching;

    type View = { groups: { groupId: string; members: { origin: string; clientId: string; assignment: unknown[] }[] }[] };
    const view = await until(async () => {
      const v = value<View>(await call(e, 'playground.broker', {}));
      const g = v.groups.find((x) => x.groupId === 'read-model');
      return g && g.members.some((m) => m.origin === 'kafka' && m.assignment.length > 0) ? g : undefined;
    });
    expect(view.members.map((m) => m.origin).sort()).toEqual(['app', 'app', 'kafka']);
    expect(view.members.find((m) => m.origin === 'kafka')!.clientId).toBe('student');
    expect(value<Status>(await call(e, 'playground.kafkaPort', {})).clientMembers).toBe(1);

    // leaving rebalances the group back to the two in-app readers
    consumers.splice(0);
    await c.disconnect();
    await until(async () => {
      const v = value<View>(await call(e, 'playground.broker', {}));
      return v.groups.find((x) => x.groupId === 'read-model')!.members.every((m) => m.origin === 'app');
    });

    // a reset keeps the port open in front of the new broker
    value(await call(e, 'playground.reset', { confirm: true }));
    expect(value<Status>(await call(e, 'playground.kafkaPort', {})).open).toBe(true);
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain('order-events');
    await admin.disconnect();

    // closing the engine (the app) closes the port
    await e.close();
    engines.splice(engines.indexOf(e), 1);
    expect(await canConnect(port)).toBe(false);
  }, 60_000);

  it('says which port is taken, with a code and the port, and stays closed', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const e = engine();
      const r = await call(e, 'playground.kafkaPortOpen', { port });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'KAFKA_PORT_IN_USE', details: { port } });
      expect(value<Status>(await call(e, 'playground.kafkaPort', {}))).toMatchObject({ open: false, error: { code: 'PORT_IN_USE', port } });
      expect((await call(e, 'playground.kafkaPortOpen', { port: 0 })).ok).toBe(false); // 0 is for tests of the module, not the API
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('the desktop setting opens the port when the engine starts', async () => {
    const port = await freePort();
    // the same progress database, a new engine: a restart of the app
    const dir = `${(await import('node:os')).tmpdir()}/kafka-setting-${process.pid}-${Date.now()}`;
    const a = createEngine({ dataDir: dir, shell: 'electron', resourcesDir: projectRoot() });
    value(await a.dispatch('settings.set', { key: 'playground.kafkaPort', value: { openOnStart: true, port } }));
    await a.close();
    const b = createEngine({ dataDir: dir, shell: 'electron', resourcesDir: projectRoot() });
    engines.push(b);
    const status = await until(async () => {
      const s = value<Status>(await b.dispatch('playground.kafkaPort', {}));
      return s.open ? s : undefined;
    });
    expect(status.port).toBe(port);
    expect(await canConnect(port)).toBe(true);
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  });
});

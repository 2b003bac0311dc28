// Real Kafka clients against the running app, end to end: the broker tab opens the Kafka port, kcat
// (librdkafka) makes a round trip, a kcat group consumer shows up in the playground's read-model group
// beside the in-app readers and, killed, leaves it after its session timeout; then confluent-kafka and
// aiokafka from Python where installed. A missing client is skipped with a printed reason, never silently.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, useHostAndBrowser, type AppPage } from './support';

const e2e = useHostAndBrowser({ editorWarmup: false });
let app: AppPage;
let kafkaPort = 0;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The first Python that imports `module` (pyenv's python3 or Debian's /usr/bin/python3), or null. */
function pythonWith(module: string): string | null {
  for (const py of [...new Set([which('python3'), '/usr/bin/python3'])]) {
    if (py && fs.existsSync(py) && spawnSync(py, ['-c', `import ${module}`]).status === 0) return py;
  }
  return null;
}

function skipWith(reason: string, ctx: { skip: (note?: string) => void }): void {
  console.warn(`SKIPPED: ${reason}`);
  ctx.skip(reason);
}

beforeAll(async () => {
  app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/playground' });
  await app.page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
  await app.page.getByTestId('pg-tab-broker').click();
  kafkaPort = await freePort();
  await app.page.getByTestId('pg-kafka-port-input').fill(String(kafkaPort));
  await app.page.getByTestId('pg-kafka-open').click();
  await app.page.getByTestId('pg-kafka-bootstrap').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await app?.close();
});

describe('real Kafka clients against the app', () => {
  it('the broker tab opened the port and shows the bootstrap address', async () => {
    expect(await app.page.getByTestId('pg-kafka-bootstrap').textContent()).toBe(`127.0.0.1:${kafkaPort}`);
    expect(app.pageErrors).toEqual([]);
  });

  it('kcat: produce with keys, then read them back', (ctx) => {
    const kcat = which('kcat');
    if (!kcat) return skipWith('kcat is not installed (Debian: apt-get install kcat)', ctx);
    const broker = `127.0.0.1:${kafkaPort}`;
    const produced = spawnSync(kcat, ['-b', broker, '-P', '-t', 'kcat-e2e', '-K', ':', '-X', 'partitioner=murmur2_random'], { input: 'k1:first\nk2:{"n":2}\nk3:third\n', encoding: 'utf8' });
    expect(produced.status, produced.stderr).toBe(0);
    const read = spawnSync(kcat, ['-b', broker, '-C', '-t', 'kcat-e2e', '-o', 'beginning', '-e', '-q', '-f', '%k=%s@%o\n'], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout.trim().split('\n')).toEqual(['k1=first@0', 'k2={"n":2}@1', 'k3=third@2']);
  });

  it('kcat: a group consumer joins the read-model group beside the in-app readers; killed, it leaves after its session timeout', async (ctx) => {
    const kcat = which('kcat');
    if (!kcat) return skipWith('kcat is not installed (Debian: apt-get install kcat)', ctx);
    const page = app.page;
    const consumer = spawn(kcat, ['-b', `127.0.0.1:${kafkaPort}`, '-G', 'read-model', 'order-events', '-q', '-X', 'session.timeout.ms=6000', '-X', 'client.id=student-kcat'], { stdio: 'ignore' });
    children.push(consumer);
    await page.getByTestId('pg-group-pick').selectOption('read-model');
    await expect.poll(() => page.getByTestId('pg-origin-kafka').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('pg-origin-app').count()).toBe(2);
    consumer.kill('SIGKILL'); // no LeaveGroup: the coordinator notices when its session times out
    await expect.poll(() => page.getByTestId('pg-origin-kafka').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('pg-journal').textContent()).toMatch(/student-kcat left group read-model \(no heartbeat in time\)/);
  });

  it('confluent-kafka (Python): produce with headers, consume in a group, commit', (ctx) => {
    const py = pythonWith('confluent_kafka');
    if (!py) return skipWith('Python confluent-kafka is not installed (Debian: apt-get install python3-confluent-kafka, or pip install confluent-kafka)', ctx);
    const script = `
import json, sys
from confluent_kafka import Producer, Consumer
conf = {'bootstrap.servers': sys.argv[1]}
p = Producer({**conf, 'partitioner': 'murmur2_random'})
for i in range(3):
    p.produce('py-e2e', key=f'k{i}', value=f'v{i}', headers=[('trace', f't{i}')])
p.flush(10)
c = Consumer({**conf, 'group.id': 'py-group', 'auto.offset.reset': 'earliest', 'enable.auto.commit': False})
c.subscribe(['py-e2e'])
got = []
while len(got) < 3:
    m = c.poll(10)
    if m is None or m.error():
        continue
    got.append([m.key().decode(), m.value().decode(), [[k, v.decode()] for k, v in (m.headers() or [])]])
    c.commit(message=m, asynchronous=False)
c.close()
print(json.dumps(sorted(got)))
`;
    const r = spawnSync(py, ['-c', script, `127.0.0.1:${kafkaPort}`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual([
      ['k0', 'v0', [['trace', 't0']]],
      ['k1', 'v1', [['trace', 't1']]],
      ['k2', 'v2', [['trace', 't2']]],
    ]);
  });

  it('aiokafka (Python): produce and consume', (ctx) => {
    const py = pythonWith('aiokafka');
    if (!py) return skipWith('Python aiokafka is not installed (pip install aiokafka)', ctx);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiokafka-e2e-'));
    const file = path.join(dir, 'roundtrip.py');
    fs.writeFileSync(
      file,
      `
import asyncio, json, sys
from aiokafka import AIOKafkaProducer, AIOKafkaConsumer
async def main(bootstrap):
    p = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await p.start()
    for i in range(3):
        await p.send_and_wait('aio-e2e', key=f'k{i}'.encode(), value=f'v{i}'.encode())
    await p.stop()
    c = AIOKafkaConsumer('aio-e2e', bootstrap_servers=bootstrap, group_id='aio-group', auto_offset_reset='earliest')
    await c.start()
    got = []
    async for m in c:
        got.append([m.key.decode(), m.value.decode()])
        if len(got) == 3:
            break
    await c.commit()
    await c.stop()
    print(json.dumps(sorted(got)))
asyncio.run(main(sys.argv[1]))
`,
    );
    const r = spawnSync(py, [file, `127.0.0.1:${kafkaPort}`], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual([
      ['k0', 'v0'],
      ['k1', 'v1'],
      ['k2', 'v2'],
    ]);
  });
});

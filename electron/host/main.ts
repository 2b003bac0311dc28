// `npm run web`: starts the engine and the web host, prints the URL, stops cleanly on Ctrl+C.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/api/engine';
import { projectRoot } from '../engine/projectRoot';
import { defaultUserDataDir } from '../engine/api/userDataDir';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5178' },
    data: { type: 'string' },
    static: { type: 'string' },
    /** Open the Kafka port in front of the playground's broker on 127.0.0.1 (off unless given). */
    'kafka-port': { type: 'string' },
  },
  allowPositionals: false,
});

const root = projectRoot();
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535, got ${values.port}`);
  process.exit(2);
}
const dataDir = path.resolve(values.data ?? defaultUserDataDir());
const engine = createEngine({ dataDir, shell: 'web', resourcesDir: root });
const host = await startWebHost({ engine, port, staticDir: path.resolve(values.static ?? path.join(root, 'dist', 'renderer')) }).catch(
  (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port` : err.message);
    process.exit(1);
  },
);
console.log(`Replayground is running at ${host.url}  (data: ${dataDir})`);
if (values['kafka-port'] !== undefined) {
  const kafkaPort = Number(values['kafka-port']);
  if (!Number.isInteger(kafkaPort) || kafkaPort < 1 || kafkaPort > 65535) {
    console.error(`--kafka-port must be a number between 1 and 65535, got ${values['kafka-port']}`);
  } else {
    const opened = await engine.dispatch('playground.kafkaPortOpen', { port: kafkaPort });
    if (opened.ok) console.log(`Kafka port open at 127.0.0.1:${kafkaPort} (bootstrap server for kafkajs, kcat, aiokafka, confluent-kafka)`);
    else console.error(opened.error.code === 'KAFKA_PORT_IN_USE' ? `Kafka port ${kafkaPort} is already in use; choose another with --kafka-port` : opened.error.message);
  }
}
console.log('Press Ctrl+C to stop.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await engine.close();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

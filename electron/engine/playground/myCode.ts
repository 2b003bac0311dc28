// "My code": the student's OrderAggregate decides the playground's commands. It runs only inside
// the runner's sandbox: the playground writes a tiny probe exercise (the order exercise's
// read-only files + one test that replays the history, runs the command and prints the new events
// as JSON) and asks the runner to "test" the student's file together with the probe's input.
// The runner has no API to call student code directly, hence the probe.
import fs from 'node:fs';
import path from 'node:path';
import type { OrderCommand, OrderEvent } from '../domain/orders';
import { createRunner, type Runner } from '../runner';
import type { AggregateDecider } from './orders';

export const SOURCE_EXERCISE = 'orders-lifecycle';
const PROBE_ID = 'playground-probe';
const MARK = '@@PLAYGROUND@@';

const PROBE_TEST = `import { it } from 'vitest';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { input } from '@workspace/probeInput';

it('playground probe', () => {
  const clock = () => new Date().toISOString();
  let out;
  try {
    const c = input.command;
    let order;
    if (c.type === 'CreateOrder') {
      order = OrderAggregate.create(c.orderId, { customerId: c.customerId, items: c.items, shippingAddress: c.shippingAddress }, clock);
    } else {
      order = OrderAggregate.fromEvents(input.history, clock);
      const methods = { AddOrderItem: 'addItem', RemoveOrderItem: 'removeItem', ChangeOrderAddress: 'changeAddress', PayOrder: 'pay', ShipOrder: 'ship', DeliverOrder: 'deliver', CancelOrder: 'cancel' };
      const { type, ...args } = c;
      order[methods[type]](args);
    }
    out = { ok: true, events: JSON.parse(JSON.stringify(order.uncommittedEvents)) };
  } catch (e) {
    out = { ok: false, code: String((e && e.code) || 'ERROR'), message: String((e && e.message) || e) };
  }
  console.log(${JSON.stringify(MARK)} + JSON.stringify(out));
});
`;

/** Writes the probe exercise under `dir` (idempotent). */
export function writeProbeExercise(dir: string, sourceExerciseDir: string): string {
  const exercisesDir = path.join(dir, 'exercises');
  const probeDir = path.join(exercisesDir, PROBE_ID);
  const manifest = JSON.parse(fs.readFileSync(path.join(sourceExerciseDir, 'exercise.json'), 'utf8')) as { readonly: string[] };
  fs.mkdirSync(path.join(probeDir, 'readonly'), { recursive: true });
  fs.mkdirSync(path.join(probeDir, 'tests', 'visible'), { recursive: true });
  for (const name of manifest.readonly) fs.copyFileSync(path.join(sourceExerciseDir, 'readonly', name), path.join(probeDir, 'readonly', name));
  fs.writeFileSync(path.join(probeDir, 'tests', 'visible', 'probe.test.ts'), PROBE_TEST);
  fs.writeFileSync(
    path.join(probeDir, 'exercise.json'),
    JSON.stringify({
      id: PROBE_ID,
      editable: ['OrderAggregate.ts', 'probeInput.ts'],
      readonly: manifest.readonly,
      suites: [{ id: 'probe', file: 'tests/visible/probe.test.ts', visibility: 'visible', pointsPerTest: 0 }],
      limits: { timeoutMs: 3000, memoryMb: 128 },
    }),
  );
  return exercisesDir;
}

export interface StudentDecider extends AggregateDecider {
  close(): Promise<void>;
}

export function createStudentDecider(options: { workDir: string; sourceExerciseDir: string; source: string; runner?: Runner }): StudentDecider {
  const exercisesDir = writeProbeExercise(options.workDir, options.sourceExerciseDir);
  const runner = options.runner ?? createRunner({ exercisesDir });
  return {
    async decide(history: OrderEvent[], command: OrderCommand) {
      const input = `export const input: any = ${JSON.stringify({ history, command })};\n`;
      const result = await runner.run({ exerciseId: PROBE_ID, files: { 'OrderAggregate.ts': options.source, 'probeInput.ts': input } });
      const output = result.tests.map((t) => t.output ?? '').join('\n');
      const line = output.split('\n').find((l) => l.startsWith(MARK));
      if (!line) {
        const why = result.message ?? result.tests.find((t) => t.message)?.message ?? 'your OrderAggregate did not answer';
        return { ok: false as const, code: 'MY_CODE_ERROR', message: why.slice(0, 1000) };
      }
      const parsed = JSON.parse(line.slice(MARK.length)) as { ok: true; events: OrderEvent[] } | { ok: false; code: string; message: string };
      return parsed;
    },
    close: () => runner.close(),
  };
}

// "My code": the student's OrderAggregate decides the playground's commands. It runs only inside
// the runner's sandbox: the playground writes a tiny probe exercise (the order exercise's
// read-only files + one test that replays the history, runs the command and prints the new events
// as JSON) and asks the runner to "test" the student's file together with the probe's input.
// The runner has no API to call student code directly, hence the probe.
import type { OrderCommand, OrderEvent } from '../domain/orders';
import { createRunner, type Runner } from '../runner';
import type { AggregateDecider } from './orders';
import { PROBE_REPORT_JS, runProbe, writeProbe } from './probe';

export const SOURCE_EXERCISE = 'orders-lifecycle';
const PROBE_ID = 'playground-probe';

const PROBE_TEST = `import { it } from 'vitest';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { input } from '@workspace/probeInput';

${PROBE_REPORT_JS}

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
  report(out);
});
`;

/** Writes the probe exercise under `dir` (idempotent). */
export function writeProbeExercise(dir: string, sourceExerciseDir: string): string {
  return writeProbe(dir, { id: PROBE_ID, sourceExerciseDir, editable: ['OrderAggregate.ts'], test: PROBE_TEST });
}

export interface StudentDecider extends AggregateDecider {
  close(): Promise<void>;
}

export function createStudentDecider(options: { workDir: string; sourceExerciseDir: string; source: string; runner?: Runner }): StudentDecider {
  const exercisesDir = writeProbeExercise(options.workDir, options.sourceExerciseDir);
  const runner = options.runner ?? createRunner({ exercisesDir });
  return {
    async decide(history: OrderEvent[], command: OrderCommand) {
      type Decision = { ok: true; events: OrderEvent[] } | { ok: false; code: string; message: string };
      const answer = await runProbe<Decision>(runner, PROBE_ID, { 'OrderAggregate.ts': options.source }, { history, command });
      if (!answer.ok) return { ok: false as const, code: 'MY_CODE_ERROR', message: answer.message };
      return answer.report;
    },
    close: () => runner.close(),
  };
}

// "Run my saga": the student's OrderSaga (order-saga exercise) runs in the runner's sandbox (the call
// API) against fake idempotent services with the chosen failure injected. The driver reports, in order, every
// service call and every saga-log entry; `sagaTimeline` turns that trace into the same timeline
// the built-in saga shows (orchestrator command → service reply, compensations, the log's state).
import { z } from 'zod';
import { callStudentCode, whyNoAnswer, type StudentCodeHost } from './studentCode';
import { say } from '../common/phrase';
import type { SagaActor, SagaEntryKind, SagaRun, SagaStep, SagaTimelineEntry } from './saga';

export const SAGA_EXERCISE = 'order-saga';
export const SAGA_FILE = 'OrderSaga.ts';

/** The exercise's service operations, as the probe's fakes name them. */
export type SagaOp = 'reserve' | 'release' | 'charge' | 'refund' | 'createShipment' | 'cancelShipment';
export type SagaLogEntry = { type: string; step?: string; result?: string; error?: string };
export type SagaTraceItem =
  | { t: 'call'; op: SagaOp; key: string; id: string; ok: boolean; error?: string; repeat?: boolean }
  | { t: 'log'; sagaId: string; entry: SagaLogEntry };
export interface SagaProbeReport {
  trace: SagaTraceItem[];
  /** Set when run() threw (or the trace was cut at its cap). */
  error: string | null;
  truncated: boolean;
}

const FORWARD_OP: Record<SagaStep, SagaOp> = { reserveStock: 'reserve', takePayment: 'charge', createShipment: 'createShipment' };
const UNDO_OP: Record<SagaStep, SagaOp> = { reserveStock: 'release', takePayment: 'refund', createShipment: 'cancelShipment' };
const STEP_ORDER: SagaStep[] = ['reserveStock', 'takePayment', 'createShipment'];

/** Which fake operations throw: the failing step's call and, optionally, the first compensation that will run. */
export function failingOps(failAt: SagaStep | null, failCompensation: boolean): SagaOp[] {
  if (!failAt) return [];
  const ops = [FORWARD_OP[failAt]];
  const before = STEP_ORDER[STEP_ORDER.indexOf(failAt) - 1];
  if (failCompensation && before) ops.push(UNDO_OP[before]);
  return ops;
}

// The driver. The fakes answer like the exercise's: a repeated key returns the first answer, every call is traced.
const SAGA_DRIVER = `import { OrderSaga } from './OrderSaga';

// eslint-disable-next-line -- the input is checked by the host's schemas on both sides; the fakes are plain JS
export async function run(input: any): Promise<unknown> {
  const CAP = 200;
  const trace: any[] = [];
  let truncated = false;
  const push = (item) => { if (trace.length < CAP) trace.push(item); else truncated = true; };
  const failing = new Set(input.failOps);
  const answers = new Map();
  let counter = 0;
  const forward = (op, prefix) => async (key) => {
    await Promise.resolve();
    if (answers.has(key)) { push({ t: 'call', op, key: String(key), id: answers.get(key), ok: true, repeat: true }); return answers.get(key); }
    if (failing.has(op)) { const error = op + ': INJECTED_FAILURE'; push({ t: 'call', op, key: String(key), id: '', ok: false, error }); throw new Error(error); }
    const id = prefix + '-' + (++counter);
    answers.set(key, id);
    push({ t: 'call', op, key: String(key), id, ok: true });
    return id;
  };
  const undo = (op) => async (key, id) => {
    await Promise.resolve();
    if (answers.has(key)) { push({ t: 'call', op, key: String(key), id: String(id), ok: true, repeat: true }); return; }
    if (failing.has(op)) { const error = op + ': INJECTED_FAILURE'; push({ t: 'call', op, key: String(key), id: String(id), ok: false, error }); throw new Error(error); }
    answers.set(key, id);
    push({ t: 'call', op, key: String(key), id: String(id), ok: true });
  };
  const services = {
    inventory: { reserve: forward('reserve', 'res'), release: undo('release') },
    payments: { charge: forward('charge', 'pay'), refund: undo('refund') },
    shipping: { createShipment: forward('createShipment', 'shp'), cancelShipment: undo('cancelShipment') },
  };
  const entries = new Map();
  const log = {
    read: (sagaId) => (entries.get(sagaId) || []).map((e) => ({ ...e })),
    append: (sagaId, entry) => {
      const list = entries.get(sagaId) || [];
      list.push({ ...entry });
      entries.set(sagaId, list);
      push({ t: 'log', sagaId: String(sagaId), entry: { ...entry } });
    },
  };
  let error = null;
  try {
    await new OrderSaga(services, log).run(input.request);
  } catch (e) {
    error = String((e && e.message) || e);
  }
  return { trace, error, truncated };
}
`;

// The student's log entries are theirs to shape: only text fields are kept, as the timeline shows text.
const text = z.unknown().optional().transform((v) => (typeof v === 'string' ? v : undefined));
const SagaLogEntry = z.looseObject({ type: z.unknown().transform(String), step: text, result: text, error: text });
const SagaReport = z.object({
  trace: z
    .array(
      z.union([
        z.object({ t: z.literal('call'), op: z.enum(['reserve', 'release', 'charge', 'refund', 'createShipment', 'cancelShipment']), key: z.string(), id: z.string(), ok: z.boolean(), error: z.string().optional(), repeat: z.boolean().optional() }),
        z.object({ t: z.literal('log'), sagaId: z.string(), entry: SagaLogEntry }),
      ]),
    )
    .max(200),
  error: z.string().nullable(),
  truncated: z.boolean(),
});

/** The student's saga's report, or why there is none. */
export type ProbeAnswer<T> = { ok: true; report: T } | { ok: false; message: string };

export interface StudentSagaInput {
  sagaId: string;
  orderId: string;
  failAt: SagaStep | null;
  failCompensation: boolean;
  amount: number;
}

/** Runs the student's saga in the sandbox; the report, or why there is none. */
export async function probeStudentSaga(host: StudentCodeHost, source: string, input: StudentSagaInput): Promise<ProbeAnswer<SagaProbeReport>> {
  const request = {
    orderId: input.sagaId,
    customerId: 'saga-customer',
    items: [{ productId: 'kettle', quantity: 1 }],
    amount: input.amount,
    address: '1 Playground Lane',
  };
  const answer = await callStudentCode(host, { source: SAGA_DRIVER, exportName: 'run' }, { [SAGA_FILE]: source }, { request, failOps: failingOps(input.failAt, input.failCompensation) }, SagaReport);
  return answer.ok ? { ok: true, report: answer.value as SagaProbeReport } : { ok: false, message: whyNoAnswer(answer.error) };
}

// ---- trace → timeline ------------------------------------------------------------------------

const OPS: Record<SagaOp, { actor: SagaActor; undo: boolean; asked: string; done: string; failed: string; step: SagaStep }> = {
  reserve: { actor: 'inventory', undo: false, asked: 'ReserveStock', done: 'StockReserved', failed: 'StockReservationFailed', step: 'reserveStock' },
  charge: { actor: 'payment', undo: false, asked: 'TakePayment', done: 'PaymentTaken', failed: 'PaymentFailed', step: 'takePayment' },
  createShipment: { actor: 'shipping', undo: false, asked: 'CreateShipment', done: 'ShipmentCreated', failed: 'ShipmentFailed', step: 'createShipment' },
  release: { actor: 'inventory', undo: true, asked: 'ReleaseStock', done: 'StockReleased', failed: 'StockReleaseFailed', step: 'reserveStock' },
  refund: { actor: 'payment', undo: true, asked: 'RefundPayment', done: 'PaymentRefunded', failed: 'RefundFailed', step: 'takePayment' },
  cancelShipment: { actor: 'shipping', undo: true, asked: 'CancelShipment', done: 'ShipmentCancelled', failed: 'ShipmentCancellationFailed', step: 'createShipment' },
};
const DONE_STATE: Record<string, string> = { 'reserve-stock': 'stock-reserved', 'take-payment': 'paid', 'create-shipment': 'shipment-created' };

export type StudentSagaStatus = SagaRun['status'];

/** The timeline (built-in vocabulary) and the outcome that the student's saga log tells. */
export function sagaTimeline(report: SagaProbeReport): {
  timeline: SagaTimelineEntry[];
  status: StudentSagaStatus;
  effects: { paid: boolean; shipped: boolean };
  /** The step named by the saga log's first StepFailed entry (student text, cut to 60 characters), or null. */
  failedStep: string | null;
} {
  const timeline: SagaTimelineEntry[] = [];
  let failedStep: string | null = null;
  let state = 'started';
  let failed = false;
  let compensationFailed = false;
  let status: StudentSagaStatus = 'unfinished';
  const add = (actor: SagaActor, kind: SagaEntryKind, name: string, detail?: string) =>
    timeline.push({ seq: timeline.length + 1, actor, kind, name, sagaState: state, ...(detail ? { detail } : {}) });
  const effects = { paid: false, shipped: false };

  add('order', 'event', 'OrderPlaced');
  for (const item of report.trace) {
    if (item.t === 'call') {
      const op = OPS[item.op];
      if (!op) continue;
      if (!op.undo && !failed) state = `awaiting-${op.step}`;
      add('orchestrator', op.undo ? 'compensation' : 'command', op.asked, item.repeat ? say('same key again: the service answered as before', 'тот же ключ: сервис ответил как в первый раз') : undefined);
      if (!item.ok) add(op.actor, 'failure', op.failed, item.error);
      else add(op.actor, op.undo ? 'compensation' : 'event', op.done, item.id ? item.id : undefined);
      if (item.ok && item.op === 'charge') effects.paid = true;
      if (item.ok && item.op === 'createShipment') effects.shipped = true;
      continue;
    }
    const e = item.entry;
    switch (e.type) {
      case 'StepCompleted':
        if (!failed) state = DONE_STATE[e.step ?? ''] ?? state;
        break;
      case 'StepFailed':
        if (!failed && typeof e.step === 'string' && e.step.trim()) failedStep = e.step.trim().slice(0, 60);
        failed = true;
        state = 'compensating';
        break;
      case 'CompensationFailed':
        compensationFailed = true;
        break;
      case 'SagaCompleted':
        state = status = 'completed';
        break;
      case 'SagaAborted':
        state = status = compensationFailed ? 'compensation-failed' : 'compensated';
        break;
    }
    const detail = [e.step, e.result, e.error].filter((x) => typeof x === 'string' && x).join(' · ');
    add('sagaLog', 'log', String(e.type), detail || undefined);
  }
  if (status === 'compensated' || status === 'compensation-failed') add('order', 'compensation', 'OrderCancelled');
  if (report.error) {
    status = 'error';
    add('orchestrator', 'failure', 'SagaThrew', report.error);
  } else if (report.truncated) {
    add('orchestrator', 'failure', 'TooManyMessages', say(`the timeline stops after ${report.trace.length} messages`, `лента обрывается после ${report.trace.length} сообщений`));
  }
  return { timeline, status, effects, failedStep };
}

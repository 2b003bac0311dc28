// A student's saga trace (service calls and saga-log entries, in order) becomes the built-in
// saga's timeline vocabulary; the outcome is read from the saga's own log.
import { describe, expect, it } from 'vitest';
import { failingOps, sagaTimeline, type SagaTraceItem } from '../../../electron/engine/playground/studentSaga';

const call = (op: string, ok = true, id = ''): SagaTraceItem => ({ t: 'call', op, key: `s/${op}`, id, ok, ...(ok ? {} : { error: `${op} down` }) }) as SagaTraceItem;
const log = (type: string, step?: string): SagaTraceItem => ({ t: 'log', sagaId: 's', entry: { type, ...(step ? { step } : {}) } });

describe('student saga timeline', () => {
  it('a failed payment: command, failure, compensation, with the saga state the log tells', () => {
    const { timeline, status, effects, failedStep } = sagaTimeline({
      trace: [call('reserve', true, 'res-1'), log('StepCompleted', 'reserve-stock'), call('charge', false), log('StepFailed', 'take-payment'), call('release', true, 'res-1'), log('StepCompensated', 'reserve-stock'), log('SagaAborted')],
      error: null,
      truncated: false,
    });
    expect(status).toBe('compensated');
    expect(effects).toEqual({ paid: false, shipped: false });
    expect(failedStep).toBe('take-payment');
    expect(timeline.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'event:OrderPlaced',
      'command:ReserveStock',
      'event:StockReserved',
      'log:StepCompleted',
      'command:TakePayment',
      'failure:PaymentFailed',
      'log:StepFailed',
      'compensation:ReleaseStock',
      'compensation:StockReleased',
      'log:StepCompensated',
      'log:SagaAborted',
      'compensation:OrderCancelled',
    ]);
    expect(timeline.find((e) => e.name === 'StepCompleted')!.sagaState).toBe('stock-reserved');
    expect(timeline.at(-1)!.sagaState).toBe('compensated');
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
  });

  it('no terminal entry is "unfinished"; a thrown error is "error" and shown last', () => {
    const unfinished = sagaTimeline({ trace: [call('reserve', true, 'res-1')], error: null, truncated: false });
    expect(unfinished.status).toBe('unfinished');
    expect(unfinished.failedStep).toBeNull();
    const thrown = sagaTimeline({ trace: [], error: 'not implemented', truncated: false });
    expect(thrown.status).toBe('error');
    expect(thrown.timeline.at(-1)).toMatchObject({ kind: 'failure', name: 'SagaThrew', detail: 'not implemented' });
  });

  it('a failed compensation makes the outcome compensation-failed', () => {
    const r = sagaTimeline({ trace: [log('StepFailed', 'take-payment'), call('release', false), log('CompensationFailed', 'reserve-stock'), log('SagaAborted')], error: null, truncated: false });
    expect(r.status).toBe('compensation-failed');
    expect(r.timeline.map((e) => e.name)).toContain('StockReleaseFailed');
  });

  it('injects the failing step and, on request, the first compensation that will run', () => {
    expect(failingOps(null, true)).toEqual([]);
    expect(failingOps('reserveStock', true)).toEqual(['reserve']);
    expect(failingOps('createShipment', true)).toEqual(['createShipment', 'refund']);
    expect(failingOps('takePayment', false)).toEqual(['charge']);
  });
});

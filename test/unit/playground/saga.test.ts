// The order saga's timeline: every step's message in order on success; on a failure, the
// compensations of the completed steps in reverse order, then the order is cancelled.
import { describe, expect, it } from 'vitest';
import { runSaga, type SagaMode, type SagaStep, type SagaTimelineEntry } from '../../../electron/engine/playground/saga';

function run(mode: SagaMode, failAt: SagaStep | null) {
  const calls: string[] = [];
  const recorded: SagaTimelineEntry[] = [];
  const result = runSaga({
    sagaId: 's1',
    orderId: 'o1',
    mode,
    failAt,
    order: { pay: () => calls.push('pay'), ship: () => calls.push('ship'), cancel: () => calls.push('cancel') },
    record: (e) => recorded.push(e),
  });
  return { result, calls, recorded, names: result.timeline.map((e) => e.name) };
}

describe('order saga', () => {
  it('orchestrated without failure sends each command and completes', () => {
    const { result, calls, names } = run('orchestrated', null);
    expect(result.status).toBe('completed');
    expect(names).toEqual(['OrderPlaced', 'ReserveStock', 'StockReserved', 'TakePayment', 'PaymentTaken', 'CreateShipment', 'ShipmentCreated', 'SagaCompleted']);
    expect(calls).toEqual(['pay', 'ship']);
  });

  it('choreographed has no commands: each service reacts to the previous event', () => {
    const { result, names } = run('choreographed', null);
    expect(result.status).toBe('completed');
    expect(result.timeline.some((e) => e.kind === 'command')).toBe(false);
    expect(names).toEqual(['OrderPlaced', 'StockReserved', 'PaymentTaken', 'ShipmentCreated', 'SagaCompleted']);
  });

  it('a failing payment releases the stock and cancels the order, nothing else', () => {
    const { result, calls, names } = run('orchestrated', 'takePayment');
    expect(result.status).toBe('compensated');
    expect(names.slice(names.indexOf('PaymentFailed'))).toEqual(['PaymentFailed', 'ReleaseStock', 'StockReleased', 'OrderCancelled']);
    expect(calls).toEqual(['cancel']);
  });

  it('a failing shipment compensates payment then stock: reverse order', () => {
    const { names, result } = run('choreographed', 'createShipment');
    const compensations = result.timeline.filter((e) => e.kind === 'compensation').map((e) => e.name);
    expect(compensations).toEqual(['PaymentRefunded', 'StockReleased', 'OrderCancelled']);
    expect(names).toContain('ShipmentFailed');
    expect(result.timeline.at(-1)!.sagaState).toBe('compensated');
  });

  it('records every timeline entry as it happens', () => {
    const { result, recorded } = run('orchestrated', 'reserveStock');
    expect(recorded).toEqual(result.timeline);
    expect(result.timeline.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
  });
});

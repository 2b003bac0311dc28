// What reaches the UI when a handler throws: the engine's coded errors keep their code and
// parameters; anything else is INTERNAL, never a code guessed from a foreign `.code`.
import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../../../electron/engine/api/errors';
import { BrokerError } from '../../../electron/engine/broker/errors';
import { OrderError } from '../../../electron/engine/domain/orders/errors';
import { ConcurrencyError } from '../../../electron/engine/store/errors';

describe('toApiError', () => {
  it('keeps the code and parameters of the engine’s coded errors', () => {
    expect(toApiError(new ConcurrencyError('order-1', 2, 3))).toMatchObject({ code: 'CONCURRENCY', params: { streamId: 'order-1', expected: '2', actual: 3 } });
    expect(toApiError(new BrokerError('UNKNOWN_TOPIC', 'no topic "x"'))).toMatchObject({ code: 'UNKNOWN_TOPIC' });
    expect(toApiError(new ApiError('HINT_LOCKED', 'unlock hint 2 first', undefined, undefined, { next: 2 }))).toMatchObject({ code: 'HINT_LOCKED', params: { next: 2 } });
  });

  it('keeps the order domain’s refusal codes', () => {
    expect(toApiError(new OrderError('INVALID_PAYMENT_METHOD', 'cash is not accepted'))).toMatchObject({ code: 'INVALID_PAYMENT_METHOD' });
  });

  it('reports a foreign error as INTERNAL even when it carries a code', () => {
    const fsError = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(toApiError(fsError).code).toBe('INTERNAL');
    expect(toApiError('a thrown string').code).toBe('INTERNAL');
  });
});

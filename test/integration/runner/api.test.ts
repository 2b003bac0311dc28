// runner.run through the engine's dispatcher: validated input, a RunResult out, structured errors
// for bad requests, and the engine-owned runner closed with the engine.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';
import { RunResult } from '../../../electron/engine/runner';

const root = projectRoot();
const engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: root });
afterAll(() => engine.close());
const solution = fs.readFileSync(path.join(root, 'exercises/orders-lifecycle/solution/OrderAggregate.ts'), 'utf8');

describe('runner.run over the API', () => {
  it('runs the visible suites and returns a valid RunResult', async () => {
    const res = await engine.dispatch('runner.run', { exerciseId: 'orders-lifecycle', files: { 'OrderAggregate.ts': solution } });
    expect(res.ok).toBe(true);
    const result = RunResult.parse((res as { value: unknown }).value);
    expect(result.status).toBe('pass');
    expect(result.tests.every((t) => t.visibility === 'visible')).toBe(true);
  });

  it('answers NOT_FOUND for an unknown exercise and INVALID_INPUT for a file that is not editable', async () => {
    const missing = await engine.dispatch('runner.run', { exerciseId: 'no-such-exercise', files: {} });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const wrongFile = await engine.dispatch('runner.run', { exerciseId: 'orders-lifecycle', files: { 'events.ts': 'x' } });
    expect(wrongFile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badInput = await engine.dispatch('runner.run', { exerciseId: 'orders-lifecycle', files: 'nope' });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reports a syntax error as a result, not an API error', async () => {
    const res = await engine.dispatch('runner.run', { exerciseId: 'orders-lifecycle', files: { 'OrderAggregate.ts': 'export class OrderAggregate {' } });
    expect(res.ok).toBe(true);
    const result = RunResult.parse((res as { value: unknown }).value);
    expect(result.status).toBe('error');
    expect(result.location?.file).toBe('OrderAggregate.ts');
  });
});

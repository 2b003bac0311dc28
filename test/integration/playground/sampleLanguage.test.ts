// The sample orders that scenarios and sagas write are in the student's language: a Russian class
// reads Russian product names, addresses and cancel reasons in the event store, an English class
// English ones, and a caller that names no language gets English.
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';

const engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: projectRoot() });
afterAll(() => engine.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const res = (await engine.dispatch(name as never, input)) as { ok: boolean; value?: T; error?: unknown };
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

/** Everything the order's events carry, as one text to search. */
async function eventText(orderId: string): Promise<string> {
  const stream = await call<{ events: { type: string; data: unknown }[] }>('playground.stream', { orderId });
  return JSON.stringify(stream.events.map((e) => [e.type, e.data]));
}

describe('sample data in the student’s language', () => {
  it('a scenario started in Russian writes Russian names, address and reason', async () => {
    const s = await call<{ orderId: string }>('playground.scenarioRunAll', { id: 'cancel-after-payment', lang: 'ru' });
    const text = await eventText(s.orderId);
    expect(text).toContain('Клавиатура');
    expect(text).toContain('ул. Гаванская, 12, Казань');
    expect(text).toContain('покупатель передумал');
    expect(text).not.toMatch(/Keyboard|Harbour|changed their mind/);
  });

  it('the same scenario in English, and without a language, writes English', async () => {
    for (const input of [{ id: 'cancel-after-payment', lang: 'en' }, { id: 'cancel-after-payment' }]) {
      const s = await call<{ orderId: string }>('playground.scenarioRunAll', input);
      const text = await eventText(s.orderId);
      expect(text).toContain('Keyboard');
      expect(text).toContain('customer changed their mind');
      expect(text).not.toMatch(/[а-яё]/i);
    }
  });

  it('a saga run in Russian words the cancel reason in Russian', async () => {
    const run = await call<{ orderId: string; status: string }>('playground.sagaRun', { mode: 'orchestrated', failAt: 'createShipment', lang: 'ru' });
    expect(run.status).toBe('compensated');
    const text = await eventText(run.orderId);
    expect(text).toContain('Кабель USB');
    expect(text).toMatch(/сага orch-[^"]+: шаг createShipment не удался/);
  });

  it('refuses a language it does not have', async () => {
    const res = await engine.dispatch('playground.sagaRun' as never, { mode: 'orchestrated', failAt: null, lang: 'de' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

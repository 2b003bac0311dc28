// The dispatcher enforces the contract on both sides of every handler and keeps domain error codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatch';
import { OrderError } from '../../../electron/engine/domain/orders/errors';
import { createEngine } from '../../../electron/engine/api/engine';
import type { Service } from '../../../electron/engine/api/handler';
import { methodNames, methods, topics } from '../../../electron/engine/api/contract';
import { openProgressDb } from '../../../electron/engine/progress';

function serviceWith(overrides: Partial<Record<string, (input: unknown) => unknown>>): Service {
  const base = createEngine({ dataDir: ':memory:', shell: 'test' }).service;
  return { ...base, ...overrides } as Service;
}

describe('dispatch', () => {
  it('rejects unknown method names, including prototype keys', async () => {
    const dispatch = createDispatcher(serviceWith({}));
    for (const name of ['nope', 'toString', '__proto__', 42]) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('validates input and reports every failing path', async () => {
    const dispatch = createDispatcher(serviceWith({}));
    const result = await dispatch('settings.set', { key: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toEqual([['key'], ['value']]);
  });

  it('refuses to hand out a result that breaks the output schema', async () => {
    const dispatch = createDispatcher(serviceWith({ 'app.ping': () => ({ echo: 5 }) }));
    expect(await dispatch('app.ping', { echo: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
  });

  it('keeps the code of a domain error thrown by a handler', async () => {
    const dispatch = createDispatcher(
      serviceWith({
        'app.ping': () => {
          throw new OrderError('INVALID_STATE', 'Order is not pending');
        },
      }),
    );
    expect(await dispatch('app.ping', { echo: 'x' })).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: 'Order is not pending' } });
  });

  it('has a handler for every contract method and a schema for every topic', () => {
    const service = createEngine({ dataDir: ':memory:', shell: 'test' }).service;
    expect(Object.keys(service).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(methods[name].input).toBeDefined();
    expect(Object.keys(topics).sort()).toEqual(['grading.progress', 'playground.changed']);
  });

  it('validates push payloads before they leave the engine', () => {
    const engine = createEngine({ dataDir: ':memory:', shell: 'test' });
    const seen: unknown[] = [];
    engine.onPush((topic, payload) => seen.push([topic, payload]));
    engine.ctx.push('playground.changed', { parts: ['store', 'broker'] });
    expect(() => engine.ctx.push('playground.changed', { parts: ['everything'] } as never)).toThrow();
    expect(() => engine.ctx.push('playground.changed', { parts: [] })).toThrow();
    expect(seen).toEqual([['playground.changed', { parts: ['store', 'broker'] }]]);
  });
});

describe('progress database', () => {
  it('keeps settings across reopen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-progress-'));
    const first = openProgressDb(dir);
    first.setSetting('language', 'ru');
    first.close();
    const second = openProgressDb(dir);
    expect(second.getSetting('language')).toBe('ru');
    second.close();
  });

  it('moves a damaged file aside, keeps it, and starts fresh', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-progress-'));
    fs.writeFileSync(path.join(dir, 'progress.sqlite'), 'this is not a database, it is a shopping list');
    const db = openProgressDb(dir);
    expect(db.recoveredFrom).toMatch(/progress\.sqlite\.broken-/);
    expect(fs.readFileSync(db.recoveredFrom!, 'utf8')).toContain('shopping list');
    expect(db.getSetting('anything')).toBeNull();
    db.close();
  });
});

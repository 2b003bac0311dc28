// The HTTP transport is derived from the contract: every method answers over HTTP exactly what the
// dispatcher answers directly, bad payloads get structured errors, and the host survives them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../electron/engine/api/contract';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { startWebHost, type WebHost } from '../../../electron/host/server';

let engine: Engine;
let host: WebHost;

beforeAll(async () => {
  engine = createEngine({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rg-transport-')), shell: 'test' });
  host = await startWebHost({ engine, port: 0 });
});
afterAll(async () => {
  await host.close();
  await engine.close();
});

async function post(name: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}/api/${name}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; issues?: unknown[] } } };
}

describe('HTTP transport', () => {
  it('answers every contract method exactly as the direct dispatch does', async () => {
    for (const name of methodNames) {
      for (const input of [{}, { definitely: 'not valid' }]) {
        const direct = await engine.dispatch(name, input);
        const overHttp = await post(name, JSON.stringify(input));
        expect(overHttp.body, name).toEqual(JSON.parse(JSON.stringify(direct)));
      }
    }
  });

  it('round-trips a real call', async () => {
    expect((await post('app.ping', JSON.stringify({ echo: 'привет' }))).body).toEqual({ ok: true, value: { echo: 'привет' } });
    await post('settings.set', JSON.stringify({ key: 'student.name', value: { name: 'Ada' } }));
    expect((await post('settings.get', JSON.stringify({ key: 'student.name' }))).body).toEqual({ ok: true, value: { value: { name: 'Ada' } } });
  });

  it('returns the zod issues with the failing path for a malformed payload', async () => {
    const res = await post('app.ping', JSON.stringify({ echo: ['x'] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['echo'] }] });
  });

  it('rejects bodies that are not JSON, unknown methods and foreign origins without falling over', async () => {
    expect((await post('app.ping', '{"echo":')).body.error?.code).toBe('INVALID_JSON');
    expect((await post('nope.nothing', '{}')).status).toBe(404);
    expect((await post('app.ping', '{"echo":"x"}', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('app.ping', JSON.stringify({ echo: 'still alive' }))).body).toEqual({ ok: true, value: { echo: 'still alive' } });
  });

  it('streams pushes over SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}/api/push`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // the ": connected" comment
    engine.ctx.push('playground.changed', { parts: ['store'] });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"topic":"playground.changed"');
    controller.abort();
  });
});

describe('static files', () => {
  it('answers 503 instead of crashing while the renderer folder is missing its files', async () => {
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-static-'));
    const own = await startWebHost({ engine, port: 0, staticDir });
    const missing = await fetch(`${own.url}/index.html`);
    expect(missing.status).toBe(503);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>back</title>');
    const page = await fetch(`${own.url}/some/route`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('back');
    await own.close();
  });
});

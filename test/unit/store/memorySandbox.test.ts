// The in-memory store is bundled into the student-code sandbox: it must bundle without any Node
// module and work in a bare vm context (no require, process, crypto, timers or console).
import { build } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const entry = path.resolve(__dirname, '../../../electron/engine/store/memory.ts');

describe('in-memory store in a sandbox', () => {
  it('bundles for a neutral platform and works in an empty vm context', async () => {
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'neutral', format: 'iife', globalName: 'storeLib', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/require\(|node:|better-sqlite3/);

    const context = vm.createContext({});
    vm.runInContext(code, context);
    const outcome = await vm.runInContext(
      `(async () => {
        const store = storeLib.createMemoryEventStore({ now: () => '2026-01-01T00:00:00.000Z' });
        store.appendToStream('order-1', [{ type: 'Placed', data: { total: 3 } }, { type: 'Paid', data: {} }], { expectedVersion: 'no_stream' });
        let conflict;
        try { store.appendToStream('order-1', [{ type: 'Paid', data: {} }], { expectedVersion: 1 }); } catch (e) { conflict = e.code; }
        store.registerUpcaster('Placed', 1, (d) => ({ amount: d.total }));
        const seen = [];
        const sub = store.subscribe({ name: 's', handle: (e) => { seen.push(e.type); } });
        store.appendToStream('order-1', [{ type: 'Shipped', data: {} }], { expectedVersion: 2 });
        await sub.caughtUp();
        await sub.stop();
        const agg = store.aggregateStream('order-1', { initialState: () => 0, evolve: (n) => n + 1, snapshot: { version: 1, every: 2 } });
        const ids = store.readAll().map((e) => e.eventId);
        return JSON.stringify({ conflict, seen, agg, first: store.readStream('order-1').events[0], snapshot: store.readSnapshot('order-1'), uniqueIds: new Set(ids).size });
      })()`,
      context,
    );
    const parsed = JSON.parse(outcome);
    expect(parsed.conflict).toBe('CONCURRENCY');
    expect(parsed.seen).toEqual(['Placed', 'Paid', 'Shipped']);
    expect(parsed.agg).toMatchObject({ state: 3, currentVersion: 3 });
    expect(parsed.first).toMatchObject({ schemaVersion: 2, data: { amount: 3 }, recordedAt: '2026-01-01T00:00:00.000Z' });
    expect(parsed.first.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parsed.snapshot).toMatchObject({ streamVersion: 3, state: 3 });
    expect(parsed.uniqueIds).toBe(3);
  });
});

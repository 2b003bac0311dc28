// The app's grading job over the hostile corpus: it finishes (it used to fail as a whole, naming no
// file), each broken hand-in is its own row naming the file, and the honest students' code can be opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { ROOT } from './fixtureClass';
import { buildHostileClass, type HostileCase } from './hostileClass';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-hostile-job-'));
let engine: Engine;
let cases: HostileCase[];

async function call(name: string, input: unknown) {
  const r = await engine.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Record<string, unknown>;
}

beforeAll(() => {
  engine = createEngine({ dataDir: path.join(work, 'data'), shell: 'test', resourcesDir: ROOT });
  cases = buildHostileClass(path.join(work, 'class'), { unreadable: false });
});
afterAll(async () => {
  await engine.close();
});

describe("the app's grading job over broken hand-ins", () => {
  it('finishes, and every broken file is a row that names it', async () => {
    const { jobId } = (await call('grading.start', { inputDir: path.join(work, 'class'), outDir: path.join(work, 'out'), concurrency: 2 })) as { jobId: string };
    let result: Record<string, unknown>;
    do {
      await new Promise((r) => setTimeout(r, 100));
      result = await call('grading.result', { jobId });
    } while (result.state === 'running');
    expect(result.error).toBeNull();
    expect(result.state).toBe('done');
    const entries = (result.gradebook as { entries: Array<{ source: string; status: string; notes: string }> }).entries;
    for (const c of cases) {
      const row = entries.find((e) => e.source === c.source);
      expect(row, c.source).toBeDefined();
      expect(row!.status, c.source).toBe(c.status);
      expect(row!.notes, c.source).toMatch(c.notes);
    }
    const code = (await call('grading.studentCode', { jobId, studentId: 'carl' })) as { entry: { source: string }; files: Array<{ name: string; content: string }> };
    expect(code.entry.source).toBe('carl-b.replayground.json');
    expect(code.files[0].content).toContain('class OrderAggregate');
  });
});

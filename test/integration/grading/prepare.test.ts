// The grader asks its runner to get ready (build the sandbox harness, start fresh processes) before it
// reads the exercises and the class, so that work overlaps discovery instead of delaying the first run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxGradingRunner, grade, type GradingRunner } from '../../../electron/engine/grading';
import { buildBenchClass, ROOT } from './fixtureClass';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-grading-prepare-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('getting the sandboxes ready', () => {
  it('happens before the class is read, and the grading is the same', async () => {
    const input = path.join(work, 'class');
    buildBenchClass(input, 2, path.join(work, 'ESCAPED'));
    const sandbox = createSandboxGradingRunner({ poolSize: 2 });
    const events: string[] = [];
    const observed: GradingRunner = {
      prepare() {
        events.push('prepare');
        sandbox.prepare();
      },
      run: (request) => sandbox.run(request),
    };
    try {
      const gradebook = await grade({ input, exercisesRoot: path.join(ROOT, 'exercises'), runner: observed, concurrency: 2, similarity: false, onProgress: (p) => events.push(`progress ${p.done}/${p.total}`) });
      expect(events[0]).toBe('prepare');
      expect(events.filter((e) => e === 'prepare')).toHaveLength(1);
      expect(events.at(-1)).toBe('progress 3/3');
      expect(gradebook.entries.map((e) => e.status)).toEqual(['graded', 'graded']);
    } finally {
      await sandbox.close();
    }
  });
});

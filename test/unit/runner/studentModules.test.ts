// The student's build keeps its last few outcomes by the text's hash: a text built before is not built
// again, and what comes back is exactly what a fresh build of that text gives (code, map, or the error).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StudentBuilder } from '../../../electron/engine/runner/studentModules';

const engineDir = path.resolve(__dirname, '../../../electron/engine');
const options = { engineDir, workspace: ['events.ts', 'Counter.ts'], editable: ['Counter.ts'] };

const good = (n: number) => `import type { E } from './events';\nexport const n: number = ${n};\nexport type X = E;\n`;
const broken = 'export const n: number = ;\n';

const open: StudentBuilder[] = [];
const builder = () => {
  const b = new StudentBuilder(options);
  open.push(b);
  return b;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

describe("the student's build, kept by the text's hash", () => {
  it('a text built before comes back as the same outcome, equal to a fresh build of it', async () => {
    const b = builder();
    const first = await b.build({ 'Counter.ts': good(1) });
    const other = await b.build({ 'Counter.ts': good(2) });
    const again = await b.build({ 'Counter.ts': good(1) });
    if (!first.ok || !other.ok || !again.ok) throw new Error('the good texts did not build');
    expect(again.modules[0]).toBe(first.modules[0]);
    expect(other).not.toEqual(first);
    expect(await builder().build({ 'Counter.ts': good(1) })).toEqual(first);
  });

  it('a build error is kept the same way, and a good text after it still builds', async () => {
    const b = builder();
    const bad = await b.build({ 'Counter.ts': broken });
    expect(bad.ok).toBe(false);
    expect((await b.build({ 'Counter.ts': good(3) })).ok).toBe(true);
    expect(await b.build({ 'Counter.ts': broken })).toBe(bad);
    expect(await builder().build({ 'Counter.ts': broken })).toEqual(bad);
  });

  it('only the last few texts are kept: an old one is built again, with the same result', async () => {
    const b = builder();
    const first = await b.build({ 'Counter.ts': good(100) });
    for (let i = 0; i < 8; i++) await b.build({ 'Counter.ts': good(200 + i) });
    const again = await b.build({ 'Counter.ts': good(100) });
    if (!first.ok || !again.ok) throw new Error('the good texts did not build');
    expect(again.modules[0]).not.toBe(first.modules[0]);
    expect(again).toEqual(first);
  });
});

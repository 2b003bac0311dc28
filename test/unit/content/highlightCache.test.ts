// The highlight cache: a block is made once per engine and once per data folder; a damaged or foreign
// cache file is ignored and replaced; a failure is not remembered; the app's shipped folder is read
// first and never written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HighlightedCode } from '../../../electron/engine/common/highlightedCode';
import { cacheKey, createHighlightCache } from '../../../electron/engine/content/highlightCache';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-highlight-cache-'));
  dirs.push(d);
  return path.join(d, 'cache');
};

const block = (code: string, colour = '#111111'): HighlightedCode => ({
  lang: 'ts',
  code,
  styles: [{ light: colour, dark: '#eeeeee', lightFont: 0, darkFont: 0 }],
  lines: code.split('\n').map((l) => (l ? [[l, 0] as [string, number]] : [])),
});

function counting(made: HighlightedCode | null) {
  const calls = { n: 0 };
  return { calls, make: async () => (calls.n++, made) };
}

describe('highlight cache', () => {
  it('makes a block once per engine, and a new engine on the same folder reads it back', async () => {
    const dir = tempDir();
    const first = counting(block('let a = 1;'));
    const cache = createHighlightCache('f1', dir);
    expect(await cache.get('ts', 'let a = 1;', first.make)).toEqual(block('let a = 1;'));
    expect(await cache.get('ts', 'let a = 1;', first.make)).toEqual(block('let a = 1;'));
    expect(first.calls.n).toBe(1);
    const again = counting(block('let a = 1;', '#222222'));
    expect(await createHighlightCache('f1', dir).get('ts', 'let a = 1;', again.make)).toEqual(block('let a = 1;'));
    expect(again.calls.n).toBe(0);
    // Another format (a new shiki, other themes) does not reuse it.
    expect(await createHighlightCache('f2', dir).get('ts', 'let a = 1;', again.make)).toEqual(block('let a = 1;', '#222222'));
    expect(again.calls.n).toBe(1);
  });

  it('ignores a damaged file or one holding other code, and writes a good one', async () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${cacheKey('f1', 'ts', 'let b = 2;')}.json`);
    for (const bad of ['{not json', JSON.stringify(block('something else')), JSON.stringify({ ...block('let b = 2;'), styles: [] })]) {
      fs.writeFileSync(file, bad);
      const maker = counting(block('let b = 2;'));
      expect(await createHighlightCache('f1', dir).get('ts', 'let b = 2;', maker.make)).toEqual(block('let b = 2;'));
      expect(maker.calls.n).toBe(1);
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(block('let b = 2;'));
    }
  });

  it("reads the app's shipped folder first and never writes it; a bad shipped file is made again into the data folder", async () => {
    const shipped = tempDir();
    const data = tempDir();
    fs.mkdirSync(shipped, { recursive: true });
    fs.writeFileSync(path.join(shipped, `${cacheKey('f1', 'ts', 'let c = 3;')}.json`), JSON.stringify(block('let c = 3;', '#333333')));
    const maker = counting(block('let c = 3;'));
    expect(await createHighlightCache('f1', data, shipped).get('ts', 'let c = 3;', maker.make)).toEqual(block('let c = 3;', '#333333'));
    expect(maker.calls.n).toBe(0);
    expect(fs.existsSync(data)).toBe(false);

    const damaged = path.join(shipped, `${cacheKey('f1', 'ts', 'let d = 4;')}.json`);
    fs.writeFileSync(damaged, JSON.stringify(block('other code')));
    const again = counting(block('let d = 4;'));
    expect(await createHighlightCache('f1', data, shipped).get('ts', 'let d = 4;', again.make)).toEqual(block('let d = 4;'));
    expect(again.calls.n).toBe(1);
    expect(JSON.parse(fs.readFileSync(damaged, 'utf8'))).toEqual(block('other code'));
    expect(fs.readdirSync(data)).toEqual([`${cacheKey('f1', 'ts', 'let d = 4;')}.json`]);
  });

  it('tries again after a failure, and keeps working in memory when the folder cannot be written', async () => {
    const parent = tempDir();
    fs.writeFileSync(parent, 'a file where the folder should be');
    const cache = createHighlightCache('f1', path.join(parent, 'sub'));
    let fail = true;
    const make = async () => {
      if (fail) throw new Error('boom');
      return block('x');
    };
    await expect(cache.get('ts', 'x', make)).rejects.toThrow('boom');
    fail = false;
    expect(await cache.get('ts', 'x', make)).toEqual(block('x'));
  });
});

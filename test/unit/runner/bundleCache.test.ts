// The test-bundle cache's own rules (runner/bundleCache.ts): an entry comes back only under the key it
// was tagged with, only while the files it was built from are unchanged, and the secret key is used only
// from a file of this user's that nobody else can read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleCache } from '../../../electron/engine/runner/bundleCache';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bundle-cache-unit-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = path.join(work, `case-${n++}`);
  return { dir, cacheDir: path.join(dir, 'cache'), keyFile: path.join(dir, 'private', 'key') };
};

describe('BundleCache', () => {
  it('gives back what it stored, under that key only', () => {
    const { cacheDir, keyFile } = fresh();
    const cache = BundleCache.open(cacheDir, keyFile)!;
    expect(cache.read('k1')).toEqual({ kind: 'miss' });
    expect(cache.write('k1', { code: 'var a = "é";\n', map: '{"mappings":""}', inputs: [] })).toBe(true);
    expect(cache.read('k1')).toEqual({ kind: 'hit', bundle: { code: 'var a = "é";\n', map: '{"mappings":""}', inputs: [] } });
    expect(cache.read('k2')).toEqual({ kind: 'miss' });
    // Another cache object over the same folder and key file (the app started again) finds it too.
    expect(BundleCache.open(cacheDir, keyFile)!.read('k1').kind).toBe('hit');
  });

  it('an entry whose input file changed is stale, and is dropped', () => {
    const { dir, cacheDir, keyFile } = fresh();
    const input = path.join(dir, 'module.ts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(input, 'export const x = 1;\n');
    const cache = BundleCache.open(cacheDir, keyFile)!;
    cache.write('k', { code: 'x', map: '{}', inputs: [input] });
    expect(cache.read('k').kind).toBe('hit');
    fs.writeFileSync(input, 'export const x = 2;\n');
    expect(cache.read('k')).toEqual({ kind: 'stale' });
    expect(cache.read('k')).toEqual({ kind: 'miss' });
    cache.write('k', { code: 'x', map: '{}', inputs: [input] });
    fs.rmSync(input);
    expect(cache.read('k')).toEqual({ kind: 'stale' });
  });

  it('an entry stored under one key file is rejected under another', () => {
    const a = fresh();
    BundleCache.open(a.cacheDir, a.keyFile)!.write('k', { code: 'x', map: '{}', inputs: [] });
    const other = BundleCache.open(a.cacheDir, path.join(a.dir, 'other-key'))!;
    expect(other.read('k')).toEqual({ kind: 'rejected' });
    expect(other.read('k')).toEqual({ kind: 'miss' });
  });

  it('an entry moved to another key name is rejected (the key is tagged)', () => {
    const { cacheDir, keyFile } = fresh();
    const cache = BundleCache.open(cacheDir, keyFile)!;
    cache.write('k1', { code: 'one', map: '{}', inputs: [] });
    const [first] = fs.readdirSync(cacheDir);
    cache.write('k2', { code: 'two', map: '{}', inputs: [] });
    const second = fs.readdirSync(cacheDir).find((f) => f !== first)!;
    const text = fs.readFileSync(path.join(cacheDir, first!), 'utf8').replace('"key":"k1"', '"key":"k2"');
    fs.writeFileSync(path.join(cacheDir, second), text);
    expect(cache.read('k2')).toEqual({ kind: 'rejected' });
  });

  it.runIf(typeof process.getuid === 'function')('refuses a key file others can read, or a link in its place (no cache then)', () => {
    const { dir, cacheDir, keyFile } = fresh();
    expect(BundleCache.open(cacheDir, keyFile)).not.toBeNull();
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    fs.chmodSync(keyFile, 0o644);
    expect(BundleCache.open(cacheDir, keyFile)).toBeNull();
    const real = path.join(dir, 'real-key');
    fs.writeFileSync(real, Buffer.alloc(32, 7), { mode: 0o600 });
    const link = path.join(dir, 'linked-key');
    fs.symlinkSync(real, link);
    expect(BundleCache.open(cacheDir, link)).toBeNull();
    const short = path.join(dir, 'short-key');
    fs.writeFileSync(short, 'abc', { mode: 0o600 });
    expect(BundleCache.open(cacheDir, short)).toBeNull();
  });

  it('keeps a bounded number of entries', () => {
    const { cacheDir, keyFile } = fresh();
    const cache = BundleCache.open(cacheDir, keyFile)!;
    for (let i = 0; i < 40; i++) cache.write(`k${i}`, { code: String(i), map: '{}', inputs: [] });
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bundle')).length).toBeLessThanOrEqual(32);
    expect(fs.readdirSync(cacheDir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});

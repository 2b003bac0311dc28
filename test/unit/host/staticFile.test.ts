// The path checks that both shells use to serve the built renderer. Paths are given as raw strings,
// not through a URL parser, so the containment check itself is what is tested (a URL parser would
// already have removed the `..` segments).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../../electron/host/staticFile';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-static-'));
const root = path.join(base, 'dist');
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
// A sibling folder whose name starts with the root's name: a prefix check would let it through.
fs.mkdirSync(path.join(base, 'dist-secret'));
fs.writeFileSync(path.join(base, 'dist-secret', 'key.txt'), 'secret');
fs.writeFileSync(path.join(base, 'outside.txt'), 'secret');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const index = path.join(root, 'index.html');

describe('resolveStaticFile', () => {
  it('serves a file inside the renderer build', () => {
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('never serves a file outside the build, however the path climbs', () => {
    for (const p of ['../outside.txt', '../../outside.txt', '%2e%2e/outside.txt', '..%2foutside.txt', 'assets/../../outside.txt']) {
      expect(resolveStaticFile(root, p), p).toBe(index);
    }
  });

  it('does not mistake a sibling folder that shares the prefix for the build', () => {
    expect(resolveStaticFile(root, '../dist-secret/key.txt')).toBe(index);
  });

  it('answers null (a 400) for a path that is not valid percent-encoding', () => {
    expect(resolveStaticFile(root, '/%')).toBeNull();
    expect(resolveStaticFile(root, '/assets/%E0%A4%A')).toBeNull();
  });

  it('falls back to index.html for a folder or a missing file', () => {
    expect(resolveStaticFile(root, '/assets')).toBe(index);
    expect(resolveStaticFile(root, '/nope.js')).toBe(index);
  });
});

describe('contentTypeOf', () => {
  it('names the types the renderer build contains, and octet-stream for anything else', () => {
    expect(contentTypeOf('a/index.html')).toContain('text/html');
    expect(contentTypeOf('a/app.JS')).toContain('javascript');
    expect(contentTypeOf('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a/blob.bin')).toBe('application/octet-stream');
  });
});

// writeFileWhole: the file appears whole with the asked permissions, its folder is made, and a write
// that cannot land leaves the old state and no temporary file behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileWhole } from '../../../electron/engine/files/writeFileWhole';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-whole-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('writeFileWhole', () => {
  it('makes the folder, replaces an existing file and applies the mode', () => {
    const file = path.join(tempDir(), 'a', 'b', 'entry.json');
    writeFileWhole(file, 'first');
    writeFileWhole(file, 'второй', { mode: 0o600, dirMode: 0o700 });
    expect(fs.readFileSync(file, 'utf8')).toBe('второй');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['entry.json']);
  });

  it('throws and leaves no temporary file when the target cannot be replaced', () => {
    const dir = tempDir();
    const target = path.join(dir, 'taken');
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true }); // a non-empty folder cannot be renamed over
    expect(() => writeFileWhole(target, 'text')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});

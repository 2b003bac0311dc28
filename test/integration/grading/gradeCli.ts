// Runs the grading CLI the way an instructor does (`npm run --silent grade -- …`, i.e. scripts/grade.mjs:
// the CLI's bundle, built when its sources changed), minus npm's start-up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './fixtureClass';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

let bundleReady = false;

/** `as` runs the CLI as another user (uid/gid), e.g. to grade without root's power over file permissions. */
export function gradeCli(args: string[], as?: { uid: number; gid: number }): CliRun {
  // The CLI's bundle is built (when its sources changed) by this user, so another user only reads it.
  if (as && !bundleReady) spawnSync(process.execPath, [path.join(ROOT, 'scripts/grade.mjs')], { cwd: ROOT, stdio: 'ignore' });
  bundleReady = true;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/grade.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, FORCE_COLOR: '0' },
    ...(as ?? {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Minimal RFC 4180 reader for checking the gradebook row by row. */
export function readCsv(file: string): Array<Record<string, string>> {
  const raw = fs.readFileSync(file, 'utf8');
  // Every CSV starts with a UTF-8 BOM (for Excel); it is not part of the first cell.
  if (!raw.startsWith('\uFEFF')) throw new Error(`${file} has no UTF-8 BOM`);
  const text = raw.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// Builds the sandbox harness (sandbox/child.ts and its imports) into one CommonJS file: the only
// file a sandbox process is allowed to read. Built once per host process into a private temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

let built: Promise<string> | undefined;
let builtDir: string | undefined;

/** Path of the harness file, building it on first use. `prebuilt` skips the build (packaged app). */
export function harnessFile(prebuilt?: string): Promise<string> {
  if (prebuilt) return Promise.resolve(prebuilt);
  built ??= (async () => {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sandbox', 'child.ts');
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: { js: "'use strict';" },
      logLevel: 'silent',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-runner-'));
    builtDir = dir;
    const file = path.join(dir, 'harness.cjs');
    fs.writeFileSync(file, result.outputFiles[0]!.text, { mode: 0o444 });
    process.once('exit', () => {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort at exit
      }
    });
    return file;
  })();
  return built;
}

/** For tests: where the harness was written (undefined until built). */
export function harnessDir(): string | undefined {
  return builtDir;
}

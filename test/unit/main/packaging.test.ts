// The packaging configuration, checked without Electron: electron-builder.yml is valid for the installed
// electron-builder (its own schema validator), the Electron Fuses are set as docs/electron.md says, the
// desktop SQLite binary exists for every platform and arch we package, and `npm install` cannot download
// anything (Electron's binary comes at `npm start`, better-sqlite3 13 ships prebuilt), and `npm start` explains a
// missing binary and points to `npm run web`; the lessons' code highlighted at build time is shipped where
// the engine looks for it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shippedHighlightsDir } from '../../../electron/engine/content/shippedHighlights';

const root = process.cwd();
const require = createRequire(path.join(root, 'package.json'));

interface PackageJson {
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  scripts?: Record<string, string>;
  gypfile?: boolean;
  version: string;
}
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
const builderConfig = (): Record<string, unknown> => parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

interface BuilderValidation {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as BuilderValidation;
const noDebug = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml', () => {
  it("ships the build's highlighted lesson code where the installed engine looks for it", () => {
    const resources = (builderConfig().extraResources as { from: string; to: string }[]).filter((r) => r.from === '.cache/code-highlight');
    expect(resources).toHaveLength(1);
    const installed = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-installed-'));
    try {
      fs.mkdirSync(path.join(installed, resources[0]!.to));
      expect(shippedHighlightsDir(installed)).toBe(path.join(installed, resources[0]!.to));
    } finally {
      fs.rmSync(installed, { recursive: true, force: true });
    }
  });

  it('is accepted by the installed electron-builder, and a misspelt option is not', async () => {
    await expect(validateConfiguration(builderConfig(), noDebug)).resolves.toBeUndefined();
    const broken = builderConfig();
    (broken.electronFuses as Record<string, unknown>).runAsNod = false;
    await expect(validateConfiguration(broken, noDebug)).rejects.toThrow(/configuration object/);
  });

  it('sets the Electron Fuses: cookies encrypted, no NODE_OPTIONS, no --inspect, ASAR only and checked', () => {
    const config = builderConfig();
    expect(config.asar).not.toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps RunAsNode on exactly while the runner starts its sandbox as ELECTRON_RUN_AS_NODE', () => {
    // docs/engine/runner.md: the sandbox is the app's own binary run as Node. If the runner ever stops
    // doing that (utilityProcess, a separate Node), the fuse must be turned off with it.
    const runnerDir = path.join(root, 'electron/engine/runner');
    const sources = fs.readdirSync(runnerDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const usesRunAsNode = sources.some((f) => fs.readFileSync(path.join(runnerDir, f), 'utf8').match(/ELECTRON_RUN_AS_NODE['"]?\s*[=:]/) !== null);
    expect((builderConfig().electronFuses as Record<string, unknown>).runAsNode).toBe(usesRunAsNode);
  });

  it('ships the prebuilt better-sqlite3 binary of each platform and arch as resources/native/better_sqlite3.node', () => {
    const config = builderConfig();
    const prebuildPlatform = { linux: 'linux', win: 'win32', mac: 'darwin' } as const;
    for (const [section, platform] of Object.entries(prebuildPlatform)) {
      const resources = (config[section] as { extraResources?: { from: string; to: string }[] }).extraResources ?? [];
      const native = resources.filter((r) => r.to === 'native/better_sqlite3.node');
      expect(native, section).toHaveLength(1);
      expect(native[0]!.from).toBe(`node_modules/better-sqlite3-electron/prebuilds/${platform}-\${arch}.node`);
      for (const arch of ['x64', 'arm64']) {
        expect(fs.existsSync(path.join(root, native[0]!.from.replace('${arch}', arch))), `${platform}-${arch}`).toBe(true);
      }
    }
  });
});

describe('offline-safe install', () => {
  const pkg = readJson<PackageJson>('package.json');

  it('pins one exact Electron, the installed one, and keeps its install scripts off', () => {
    const pinned = pkg.devDependencies.electron!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson<PackageJson>('node_modules/electron/package.json').version).toBe(pinned);
    expect(pkg.allowScripts?.electron).toBe(false);
  });

  it('takes better-sqlite3 13 for the desktop build through an alias that has nothing to build or download', () => {
    expect(pkg.devDependencies['better-sqlite3-electron']).toMatch(/^npm:better-sqlite3@13\./);
    const aliased = readJson<PackageJson>('node_modules/better-sqlite3-electron/package.json');
    expect(aliased.gypfile).toBe(false); // npm would otherwise run node-gyp for its binding.gyp
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(aliased.scripts?.[hook], hook).toBeUndefined();
    // The tests and the web host keep the Node 20 build.
    expect(pkg.devDependencies['better-sqlite3'] ?? readJson<{ dependencies: Record<string, string> }>('package.json').dependencies['better-sqlite3']).toMatch(/^\^?12\./);
  });
});

describe('npm start without the Electron binary', () => {
  /** Runs scripts/desktop/electronBinary.mjs (plain Node, like npm start) and returns what the snippet prints. */
  function helper(snippet: string): string {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as h from './scripts/desktop/electronBinary.mjs'; ${snippet}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  }

  it('finds the binary only where the package recorded a completed download, without downloading', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-electron-pkg-'));
    try {
      const find = () => JSON.parse(helper(`console.log(JSON.stringify(h.installedElectronBinary(${JSON.stringify(dir)})))`)) as string | null;
      expect(find()).toBeNull();
      fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
      expect(find()).toBeNull(); // recorded, but the download did not finish
      fs.mkdirSync(path.join(dir, 'dist'));
      fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
      expect(find()).toBe(path.join(dir, 'dist', 'electron'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains the missing binary and points to npm run web', () => {
    const text = helper("console.log(h.missingBinaryMessage('45.5.0', 'TypeError: fetch failed'))");
    expect(text).toContain('Electron 45.5.0 binary is not installed');
    expect(text).toContain('fetch failed');
    expect(text).toContain('`npm run web`');
  });
});

// End-to-end harness: starts the real web host (`electron/host/main.ts`, as `npm run web` does) on a free
// port with a fresh data folder, drives Debian's Chromium with playwright-core, and records every request
// so a test fails if anything leaves 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The student profile the e2e host starts as, so pages open without the "who is working?" screen. */
export const E2E_PROFILE = 'E2E student';

/** Calls the host's API from the test (no browser), e.g. to prepare data. */
export async function callHost<T = unknown>(url: string, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

/** Picks the named profile (creating it the first time), as a student does on the start screen. */
export async function useProfile(url: string, name: string): Promise<string> {
  const list = await callHost<{ profiles: { id: string; name: string | null }[] }>(url, 'profiles.list');
  const existing = list.profiles.find((p) => p.name === name);
  if (existing) {
    await callHost(url, 'profiles.select', { id: existing.id });
    return existing.id;
  }
  return (await callHost<{ profile: { id: string } }>(url, 'profiles.create', { name })).profile.id;
}

/**
 * Starts `electron/host/main.ts` against the built renderer; resolves with its URL once it prints it.
 * Unless `profile` is false, the host starts with the E2E profile picked (pass false to see the start screen).
 */
export async function startHost(options: { dataDir?: string; profile?: string | false } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/host/main.ts'), '--port', '0', '--data', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  if (options.profile !== false) await useProfile(url, options.profile ?? E2E_PROFILE);
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Whether pages this file opens let the app warm the code editor in idle time, as students' windows do.
 * A suite that never opens the editor turns it off (useHostAndBrowser({ editorWarmup: false })): the
 * warm-up is seconds of Chromium CPU per page that such a suite does not test. Module state is per file.
 */
let editorWarmupInThisFile = true;
export function skipEditorWarmupInThisFile(): void {
  editorWarmupInThisFile = false;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Requests that went anywhere but 127.0.0.1 (data:, blob: and about: are local). */
  outsideRequests: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openApp(
  browser: Browser,
  host: RunningHost,
  options: {
    locale?: 'ru-RU' | 'en-US';
    colorScheme?: 'light' | 'dark';
    hash?: string;
    /** CSS pixels; browser zoom Z on a W×H window is a (W/Z)×(H/Z) viewport with deviceScaleFactor Z. */
    viewport?: { width: number; height: number };
    deviceScaleFactor?: number;
    /** Runs before the first navigation (e.g. to route requests). */
    prepare?: (context: BrowserContext) => Promise<void>;
  } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.hostname !== '127.0.0.1') outsideRequests.push(req.url());
  });
  if (!editorWarmupInThisFile) {
    await context.addInitScript(() => {
      window.__replaygroundSkipEditorWarmup = true;
    });
  }
  await options.prepare?.(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${host.url}/${options.hash ?? ''}`);
  return { page, context, outsideRequests, pageErrors, close: () => context.close() };
}

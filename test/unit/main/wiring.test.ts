// The main process wiring, against a recording fake of Electron (the only place a fake Electron is used:
// the binary cannot run on the build machines). Asserts the security options, the CSP, denied navigation
// and windows, the IPC sender check, and one handler per contract method.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../electron/engine/api/contract';
import { startMain, type ElectronModule } from '../../../electron/main/startMain';
import { exposedApi } from '../../../electron/preload/exposedApi';

type Listener = (...args: unknown[]) => unknown;

function recordingElectron() {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-main-'));
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const appEvents = new Map<string, Listener[]>();
  const handlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const record = { privileged: [] as unknown[], protocolHandlers: new Map<string, (req: Request) => Response>(), menu: null as unknown, quit: 0 };

  class FakeWebContents {
    events = new Map<string, Listener>();
    openHandler: Listener | null = null;
    sent: unknown[][] = [];
    on(name: string, fn: Listener) {
      this.events.set(name, fn);
      return this;
    }
    setWindowOpenHandler(fn: Listener) {
      this.openHandler = fn;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  class FakeWindow {
    webContents = new FakeWebContents();
    loaded: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
      const created = appEvents.get('web-contents-created') ?? [];
      for (const fn of created) fn({}, this.webContents);
    }
    once() {}
    on() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
  }
  const fake = {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => void record.quit++,
      on: (name: string, fn: Listener) => appEvents.set(name, [...(appEvents.get(name) ?? []), fn]),
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getVersion: () => '9.9.9',
      getName: () => 'Replayground',
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privileged.push(...schemes),
      handle: (scheme: string, fn: (req: Request) => Response) => record.protocolHandlers.set(scheme, fn),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (record.menu = m) },
    shell: {},
  } as unknown as ElectronModule;
  return { fake, handlers, windows, record, rendererDir };
}

async function boot() {
  const rec = recordingElectron();
  const { ready } = startMain(rec.fake, {
    rendererDir: rec.rendererDir,
    preloadPath: '/app/preload.cjs',
    resourcesDir: process.cwd(),
  });
  const engine = await ready;
  return { ...rec, engine: engine! };
}

describe('electron main wiring', () => {
  it('creates the window with the secure web preferences and loads app://', async () => {
    const { windows, engine } = await boot();
    expect(windows).toHaveLength(1);
    const prefs = windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/app/preload.cjs' });
    expect(windows[0].loaded).toBe('app://replayground/index.html');
    await engine.close();
  });

  it('registers exactly one IPC handler per contract method', async () => {
    const { handlers, engine } = await boot();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((n) => `rg:${n}`).sort());
    await engine.close();
  });

  it('answers IPC from the app origin and refuses other senders', async () => {
    const { handlers, engine } = await boot();
    const ping = handlers.get('rg:app.ping')!;
    const own = await ping({ senderFrame: { url: 'app://replayground/index.html' } }, { echo: 'hi' });
    expect(own).toMatchObject({ ok: true, value: { echo: 'hi' } });
    const foreign = await ping({ senderFrame: { url: 'https://evil.example/' } }, { echo: 'hi' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    const fileUrl = await ping({ senderFrame: { url: 'file:///etc/passwd' } }, { echo: 'hi' });
    expect(fileUrl).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    const invalid = await ping({ senderFrame: { url: 'app://replayground/' } }, { echo: 42 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['echo'] }] } });
    await engine.close();
  });

  it('denies navigation away from the app and every new window', async () => {
    const { windows, engine } = await boot();
    const wc = windows[0].webContents;
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    wc.events.get('will-navigate')!(event, 'https://example.com/');
    expect(prevented).toBe(1);
    wc.events.get('will-navigate')!(event, 'app://replayground/#/quiz');
    expect(prevented).toBe(1);
    expect(wc.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    await engine.close();
  });

  it('serves the renderer over app:// with a CSP that allows no remote origin', async () => {
    const { record, engine } = await boot();
    expect(record.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const handler = record.protocolHandlers.get('app')!;
    const page = handler(new Request('app://replayground/index.html'));
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const escape = handler(new Request('app://replayground/../../../../etc/passwd'));
    expect(await escape.text()).toContain('<title>t</title>');
    const asset = handler(new Request('app://replayground/assets/app.js'));
    expect(asset.headers.get('content-type')).toContain('javascript');
    await engine.close();
  });

  it('installs an application menu with zoom roles for projectors', async () => {
    const { record, engine } = await boot();
    const roles = JSON.stringify(record.menu);
    for (const role of ['editMenu', 'windowMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'help']) expect(roles).toContain(role);
    await engine.close();
  });
});

describe('preload surface', () => {
  it('forwards only contract methods and topics', async () => {
    const calls: unknown[][] = [];
    const api = exposedApi({
      invoke: (...args: unknown[]) => (calls.push(args), Promise.resolve({ ok: true, value: 1 })),
      on: () => undefined as never,
      removeListener: () => undefined as never,
    } as never);
    await api.invoke('app.ping', { echo: 'x' });
    expect(calls).toEqual([['rg:app.ping', { echo: 'x' }]]);
    expect(await api.invoke('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(calls).toHaveLength(1);
    expect(() => api.subscribe('secrets', () => undefined)).toThrow(/No push topic/);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });
});

// The main process wiring, against a recording fake of Electron (the only place a fake Electron is used:
// the binary cannot run on the build machines). Asserts the security options, the CSP, denied navigation
// and windows, denied permissions, the IPC sender check, one handler per contract method, the About panel
// and `--version`.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../electron/engine/api/contract';
import { resolveMainPaths, startMain, type ElectronModule } from '../../../electron/main/startMain';
import { packagedEsbuildBinary } from '../../../electron/main/packagedEsbuild';
import { aboutPanelOptions, versionText, wantsVersion } from '../../../electron/main/version';
import { exposedApi } from '../../../electron/preload/exposedApi';

type Listener = (...args: unknown[]) => unknown;

/** A session that keeps the permission handlers it was given. */
class FakeSession {
  request: Listener | null = null;
  check: Listener | null = null;
  device: Listener | null = null;
  setPermissionRequestHandler(fn: Listener) {
    this.request = fn;
  }
  setPermissionCheckHandler(fn: Listener) {
    this.check = fn;
  }
  setDevicePermissionHandler(fn: Listener) {
    this.device = fn;
  }
}

function recordingElectron(locale = 'en-US') {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-main-'));
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const appEvents = new Map<string, Listener[]>();
  const handlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const record = {
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (req: Request) => Response>(),
    menu: null as unknown,
    about: null as Record<string, unknown> | null,
    quit: 0,
    /** Native dialogs opened: [kind, parent window, options]; answers come from dialogAnswers. */
    dialogs: [] as Array<[string, unknown, Record<string, unknown>]>,
    shown: [] as string[],
  };
  const dialogAnswers = { folder: null as string | null, save: null as string | null };
  const defaultSession = new FakeSession();

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
      getLocale: () => locale,
      setAboutPanelOptions: (options: Record<string, unknown>) => (record.about = options),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privileged.push(...schemes),
      handle: (scheme: string, fn: (req: Request) => Response) => record.protocolHandlers.set(scheme, fn),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (record.menu = m) },
    session: { defaultSession },
    shell: { showItemInFolder: (p: string) => void record.shown.push(p) },
    dialog: {
      showOpenDialog: (win: unknown, options: Record<string, unknown>) => {
        record.dialogs.push(['open', win, options]);
        const p = dialogAnswers.folder;
        return Promise.resolve(p ? { canceled: false, filePaths: [p] } : { canceled: true, filePaths: [] });
      },
      showSaveDialog: (win: unknown, options: Record<string, unknown>) => {
        record.dialogs.push(['save', win, options]);
        const p = dialogAnswers.save;
        return Promise.resolve(p ? { canceled: false, filePath: p } : { canceled: true, filePath: '' });
      },
    },
  } as unknown as ElectronModule;
  const emitApp = (name: string, ...args: unknown[]) => (appEvents.get(name) ?? []).forEach((fn) => fn(...args));
  return { fake, handlers, windows, record, rendererDir, defaultSession, emitApp, dialogAnswers, userData };
}

async function boot(locale?: string) {
  const rec = recordingElectron(locale);
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

  it('denies every permission request, check and device, in the default session and every later one', async () => {
    const { defaultSession, emitApp, engine } = await boot();
    const created = new FakeSession();
    emitApp('session-created', created);
    for (const ses of [defaultSession, created]) {
      for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'local-network-access', 'openExternal']) {
        const answers: unknown[] = [];
        ses.request!({}, permission, (granted: boolean) => answers.push(granted), { requestingUrl: 'app://replayground/index.html' });
        expect(answers).toEqual([false]);
        expect(ses.check!({}, permission, 'app://replayground', { requestingUrl: 'app://replayground/index.html' })).toBe(false);
      }
      expect(ses.device!({ deviceType: 'usb', origin: 'app://replayground', device: {} })).toBe(false);
    }
    await engine.close();
  });

  it('puts the app version and the Electron it ships into the About panel', async () => {
    const { record, engine } = await boot();
    expect(record.about).toMatchObject({ applicationName: 'Replayground' });
    expect(String(record.about!.applicationVersion)).toMatch(/^9\.9\.9 \(Electron /);
    await engine.close();
  });

  it('labels the menu in Russian on a Russian system', async () => {
    const { record, engine } = await boot('ru-RU');
    const menu = JSON.stringify(record.menu);
    expect(menu).toContain('"label":"Вид"');
    expect(menu).toContain('О программе Replayground');
    expect(menu).not.toContain('"label":"View"');
    await engine.close();
  });

  it('answers the desktop.* methods with the native dialogs, modal to the app window, and shows files in the folder', async () => {
    const { handlers, windows, record, dialogAnswers, userData, engine } = await boot();
    const own = { senderFrame: { url: 'app://replayground/index.html' } };
    const call = (name: string, input: unknown) => handlers.get(`rg:${name}`)!(own, input) as Promise<Record<string, unknown>>;

    // Cancelled: null, nothing chosen.
    expect(await call('desktop.chooseFolder', { title: 'Folder with submissions' })).toEqual({ ok: true, value: { path: null } });
    dialogAnswers.folder = '/media/usb/class-3b';
    expect(await call('desktop.chooseFolder', { title: 'Folder with submissions', defaultPath: '/home/t' })).toEqual({ ok: true, value: { path: '/media/usb/class-3b' } });
    expect(record.dialogs[1]![0]).toBe('open');
    expect(record.dialogs[1]![1]).toBe(windows[0]);
    expect(record.dialogs[1]![2]).toMatchObject({ title: 'Folder with submissions', defaultPath: '/home/t', properties: expect.arrayContaining(['openDirectory']) });

    dialogAnswers.save = '/media/usb/ada.replayground.json';
    const saved = await call('desktop.chooseSaveFile', { title: 'Hand in', defaultPath: '/home/t/ada.replayground.json', filterName: 'Submission', extensions: ['json'] });
    expect(saved).toEqual({ ok: true, value: { path: '/media/usb/ada.replayground.json' } });
    expect(record.dialogs[2]).toEqual(['save', windows[0], expect.objectContaining({ filters: [{ name: 'Submission', extensions: ['json'] }] })]);

    // Show in folder: an existing absolute path goes to shell.showItemInFolder; anything else is refused.
    expect(await call('desktop.showInFolder', { path: userData })).toEqual({ ok: true, value: { ok: true } });
    expect(record.shown).toEqual([userData]);
    expect(await call('desktop.showInFolder', { path: 'relative/file.json' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('desktop.showInFolder', { path: '/no/such/file.json' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(record.shown).toHaveLength(1);
    await engine.close();
  });

  it('answers DESKTOP_ONLY for the native dialogs when there is no desktop shell (the web host)', async () => {
    const { createEngine } = await import('../../../electron/engine/api/engine');
    const engine = createEngine({ dataDir: ':memory:', shell: 'web' });
    expect(await engine.dispatch('desktop.chooseFolder', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'DESKTOP_ONLY' } });
    expect(await engine.dispatch('desktop.showInFolder', { path: process.cwd() })).toMatchObject({ ok: false, error: { code: 'DESKTOP_ONLY' } });
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

describe('version for IT (About panel and --version)', () => {
  const runtime = { electron: '45.5.0', chrome: '146.0.1.2', node: '24.9.0' };

  it('answers --version wherever it stands on the command line, and nothing else', () => {
    expect(wantsVersion(['/opt/Replayground/replayground', '--version'])).toBe(true);
    expect(wantsVersion(['/app', '--no-sandbox', '--version'])).toBe(true);
    expect(wantsVersion(['/app'])).toBe(false);
    expect(wantsVersion(['/app', '--versions'])).toBe(false);
  });

  it('prints the app version, then the runtime as key=value pairs', () => {
    expect(versionText('Replayground', '0.1.0', runtime)).toBe('Replayground 0.1.0\nelectron=45.5.0 chromium=146.0.1.2 node=24.9.0\n');
  });

  it('shows the runtime line in the About panel on every platform, in the system language', () => {
    const en = aboutPanelOptions('Replayground', '0.1.0', runtime, 'en-GB');
    expect(en.applicationVersion).toBe('0.1.0 (Electron 45.5.0, Chromium 146.0.1.2, Node.js 24.9.0)');
    expect(en.credits).toBe('Electron 45.5.0, Chromium 146.0.1.2, Node.js 24.9.0');
    expect(en.version).toBe('Electron 45.5.0');
  });
});

describe('desktop SQLite binary', () => {
  it('the packaged app reads it from resources/native, npm start from the prebuilt binary of better-sqlite3 13', () => {
    const packaged = resolveMainPaths('/opt/app/resources/app.asar', true, '/opt/app/resources', 'linux', 'x64');
    expect(packaged.sqliteBinding).toBe(path.join('/opt/app/resources', 'native', 'better_sqlite3.node'));
    expect(packaged.resourcesDir).toBe('/opt/app/resources');
    const dev = resolveMainPaths(process.cwd(), false, '/unused', process.platform, process.arch);
    // The binary npm start hands to Electron exists for this machine, and belongs to better-sqlite3 13.
    expect(fs.existsSync(dev.sqliteBinding!)).toBe(true);
    const require = createRequire(import.meta.url);
    const pkg = require(path.join(process.cwd(), 'node_modules/better-sqlite3-electron/package.json')) as { version: string };
    expect(Number(pkg.version.split('.')[0])).toBeGreaterThanOrEqual(13);
  });
});

describe('esbuild in a packaged app', () => {
  it('points esbuild at the unpacked binary next to app.asar, and leaves a source tree alone', () => {
    const main = path.join('/opt/Replayground/resources', 'app.asar', 'dist', 'electron', 'main.cjs');
    expect(packagedEsbuildBinary(main, 'linux', 'x64')).toBe(
      path.join('/opt/Replayground/resources', 'app.asar.unpacked', 'node_modules', '@esbuild', 'linux-x64', 'bin', 'esbuild'),
    );
    expect(packagedEsbuildBinary(main, 'win32', 'x64')).toBe(
      path.join('/opt/Replayground/resources', 'app.asar.unpacked', 'node_modules', '@esbuild', 'win32-x64', 'esbuild.exe'),
    );
    expect(packagedEsbuildBinary(path.join(process.cwd(), 'dist', 'electron', 'main.cjs'), 'linux', 'x64')).toBeNull();
  });
});

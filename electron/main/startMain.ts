// Wires the desktop app: single-instance lock, the app:// protocol, the engine, IPC, the window and the menu.
// It receives the electron module as a parameter so the wiring can be tested with a recording fake
// (the Electron binary cannot run on the build machines).
import fs from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../engine/api/engine';
import { useSqliteNativeBinding } from '../engine/sqlite';
import { registerIpc, PUSH_CHANNEL } from './ipc';
import { menuTemplate } from './menu';
import { electronDesktop } from './desktop';
import { createAppProtocolHandler } from './protocol';
import { APP_ORIGIN, APP_SCHEME, denyAllPermissions, hardenWebContents, secureWebPreferences } from './security';
import { mainStrings } from './strings';
import { aboutPanelOptions, runtimeVersions } from './version';
import { loadWindowState, saveWindowState } from './windowState';

export type ElectronModule = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'Menu' | 'session' | 'shell' | 'dialog'>;

export interface MainPaths {
  /** Folder with index.html of the built renderer. */
  rendererDir: string;
  /** The bundled preload script. */
  preloadPath: string;
  /** Folder holding content/ and exercises/. */
  resourcesDir: string;
  /** The native binary of the desktop app's better-sqlite3 (13.x, Node-API: loads in Electron as it is). */
  sqliteBinding?: string;
}

export function startMain(electron: ElectronModule, paths: MainPaths): { ready: Promise<Engine | null> } {
  const { app, BrowserWindow, ipcMain, protocol, Menu, session, dialog, shell } = electron;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(null) };
  }
  // Must happen before 'ready': app:// behaves like https (secure, standard, fetch allowed).
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
  if (paths.sqliteBinding && fs.existsSync(paths.sqliteBinding)) useSqliteNativeBinding(paths.sqliteBinding);

  let mainWindow: InstanceType<typeof BrowserWindow> | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Every session the app ever gets (the default one and any other) denies every permission.
  app.on('session-created', (created) => denyAllPermissions(created));
  app.on('window-all-closed', () => app.quit());

  const ready = app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));
    const userData = app.getPath('userData');
    const engine = createEngine({
      dataDir: userData,
      shell: 'electron',
      resourcesDir: paths.resourcesDir,
      appVersion: app.getVersion(),
      // Native folder/save dialogs modal to the app's window, and "show in folder".
      desktop: electronDesktop(dialog, shell, () => mainWindow),
    });
    registerIpc(ipcMain, engine.dispatch);
    const locale = app.getLocale();
    app.setAboutPanelOptions(aboutPanelOptions(app.getName(), app.getVersion(), runtimeVersions(process.versions), locale));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.getName(), mainStrings(locale))));

    const bounds = loadWindowState(userData);
    mainWindow = new BrowserWindow({
      x: bounds.x,
      y: bounds.y,
      width: bounds.width,
      height: bounds.height,
      minWidth: 900,
      minHeight: 600,
      title: 'Replayground',
      show: false,
      backgroundColor: '#0f141c',
      webPreferences: secureWebPreferences(paths.preloadPath),
    });
    if (bounds.maximized) mainWindow.maximize();
    const win = mainWindow;
    win.once('ready-to-show', () => win.show());
    win.on('close', () => {
      const b = win.getNormalBounds();
      saveWindowState(userData, { ...b, maximized: win.isMaximized() });
    });
    const unsubscribe = engine.onPush((topic, payload) => {
      if (!win.isDestroyed()) win.webContents.send(PUSH_CHANNEL, topic, payload);
    });
    win.on('closed', () => {
      unsubscribe();
      mainWindow = null;
    });
    app.on('before-quit', () => void engine.close());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return engine;
  });
  return { ready };
}

/** The name better-sqlite3 13 gives its prebuilt binary for a platform: `linux-x64`, `darwin-arm64`, `win32-x64` … */
export function sqlitePrebuildName(platform: NodeJS.Platform, arch: string): string {
  return `${platform}-${arch}`;
}

/**
 * Where the packaged app or the source tree keeps its pieces. The packaged app carries SQLite's binary as
 * resources/native/better_sqlite3.node (electron-builder.yml); `npm start` uses the prebuilt one in
 * node_modules/better-sqlite3-electron (the npm alias of better-sqlite3 13 for the desktop build).
 */
export function resolveMainPaths(appPath: string, isPackaged: boolean, resourcesPath: string, platform: NodeJS.Platform, arch: string): MainPaths {
  const root = isPackaged ? resourcesPath : appPath;
  return {
    rendererDir: path.join(appPath, 'dist', 'renderer'),
    preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    resourcesDir: root,
    sqliteBinding: isPackaged
      ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
      : path.join(appPath, 'node_modules', 'better-sqlite3-electron', 'prebuilds', `${sqlitePrebuildName(platform, arch)}.node`),
  };
}

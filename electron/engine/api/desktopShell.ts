// What the desktop shell lends the engine: native dialogs and the file manager. The Electron main
// process implements it (electron/main/desktop.ts); the web host and the tests run without one.
export interface DesktopShell {
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
  chooseSaveFile(options: { title: string; defaultPath?: string; filterName: string; extensions: string[] }): Promise<string | null>;
  showInFolder(path: string): void;
}

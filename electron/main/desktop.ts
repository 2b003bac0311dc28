// The desktop shell the engine borrows: Electron's native open/save dialogs (attached to the app's
// window, so they are modal to it) and shell.showItemInFolder. Takes the electron pieces as
// parameters so the wiring test can record the calls (the Electron binary cannot run on build machines).
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { DesktopShell } from '../engine/api/desktopShell';

export function electronDesktop(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  shell: Pick<Shell, 'showItemInFolder'>,
  window: () => BrowserWindow | null,
): DesktopShell {
  return {
    async chooseFolder({ title, defaultPath }) {
      const options = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const win = window();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
    },
    async chooseSaveFile({ title, defaultPath, filterName, extensions }) {
      const options = { title, defaultPath, filters: [{ name: filterName, extensions }], properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'> };
      const win = window();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    showInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}

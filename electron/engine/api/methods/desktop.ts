// Methods only the desktop shell can answer: the native folder and save dialogs, and "show in folder".
// The engine stays Electron-free: the Electron main process hands it a DesktopShell; the web host has
// none, and there these methods answer DESKTOP_ONLY (the renderer never offers them in a browser).
import { z } from 'zod';
import { method, Ok } from '../defineMethod';

const Title = z.string().trim().min(1).max(200);
const AbsolutePath = z.string().trim().min(1).max(4096);

export const desktopMethods = {
  /** The native "choose a folder" dialog; null when the person cancels. */
  'desktop.chooseFolder': method(
    z.object({ title: Title, defaultPath: AbsolutePath.optional() }),
    z.object({ path: z.string().nullable() }),
  ),
  /** The native "save as" dialog (it asks itself before replacing a file); null when the person cancels. */
  'desktop.chooseSaveFile': method(
    z.object({
      title: Title,
      defaultPath: AbsolutePath.optional(),
      filterName: z.string().trim().min(1).max(200),
      extensions: z.array(z.string().regex(/^[a-z0-9.]{1,30}$/)).min(1).max(5),
    }),
    z.object({ path: z.string().nullable() }),
  ),
  /** Opens the system's file manager with this file (or folder) selected. */
  'desktop.showInFolder': method(z.object({ path: AbsolutePath }), Ok),
};

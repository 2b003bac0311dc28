// Handlers for desktop.*: pass through to the shell's native dialogs; without a desktop shell (web
// host, tests) they answer DESKTOP_ONLY. "Show in folder" only ever shows an existing absolute path.
import fs from 'node:fs';
import path from 'node:path';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { ApiError } from '../errors';
import type { DesktopShell } from '../desktopShell';

export function createDesktopHandlers(ctx: EngineContext): HandlerGroup<'desktop.'> {
  function shell(): DesktopShell {
    if (!ctx.desktop) throw new ApiError('DESKTOP_ONLY', 'Native dialogs exist only in the desktop app; type the path instead.');
    return ctx.desktop;
  }
  return {
    'desktop.chooseFolder': async ({ title, defaultPath }) => ({ path: await shell().chooseFolder({ title, defaultPath }) }),
    'desktop.chooseSaveFile': async (options) => ({ path: await shell().chooseSaveFile(options) }),
    'desktop.showInFolder': ({ path: target }) => {
      const desktop = shell();
      if (!path.isAbsolute(target) || !fs.existsSync(target)) {
        throw new ApiError('NOT_FOUND', `There is nothing at ${target}.`, undefined, undefined, { path: target });
      }
      desktop.showInFolder(target);
      return { ok: true as const };
    },
  };
}

// Handlers for app.* and settings.*.
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';

export function createAppHandlers(ctx: EngineContext): HandlerGroup<'app.'> & HandlerGroup<'settings.'> {
  return {
    'app.info': () => ({
      name: 'Replayground',
      version: ctx.appVersion,
      dataDir: ctx.dataDir,
      shell: ctx.shell === 'electron' ? 'electron' : 'web',
    }),
    'app.ping': ({ echo }) => ({ echo }),
    'settings.get': ({ key }) => ({ value: ctx.progress.getSetting(key) }),
    'settings.set': ({ key, value }) => {
      ctx.progress.setSetting(key, value);
      return { ok: true as const };
    },
  };
}

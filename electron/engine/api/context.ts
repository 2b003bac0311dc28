// What every feature's handlers receive: where data and content live, the progress database,
// and the push channel. Built once per engine by createEngine().
import type { TopicName, TopicPayload } from './contract';
import type { ProgressDb } from '../progress';
import type { ProfileSession } from '../profiles';
import type { DesktopShell } from './desktopShell';

export interface EngineContext {
  /** Folder for user data (Electron userData, or the web host's --data DIR). */
  readonly dataDir: string;
  /** Project root holding content/ and exercises/ (or the packaged resources folder). */
  readonly resourcesDir: string;
  readonly shell: 'electron' | 'web' | 'test';
  readonly appVersion: string;
  /** The active student profile's progress: settings, drafts, runs, quiz attempts, reading progress.
   *  It changes when another student picks their profile: take repositories through profileScoped(). */
  readonly progress: ProgressDb;
  /** Who is working on this machine (the engine always has one; hand-made test contexts may not). */
  readonly profiles?: ProfileSession;
  /** The machine's own settings (the data folder's progress.sqlite), shared by every profile; the engine always sets it. */
  readonly machine?: Pick<ProgressDb, 'getSetting' | 'setSetting'>;
  /** Native dialogs and the file manager: only the desktop app has them. */
  readonly desktop?: DesktopShell;
  push<T extends TopicName>(topic: T, payload: TopicPayload<T>): void;
  /** Called when the engine shuts down; features register their cleanup here. */
  onClose(fn: () => void | Promise<void>): void;
}

// What every part of a playground session (orders, scenarios, sagas, bank, pipeline controls)
// works on: one run's store and pipeline, the activity log, and the session's two reactions to a
// change (tell the UI, let the consumers run). A reset starts a new run with a new core; the old
// one reads as closed, so work still in flight (a sandbox call) knows not to touch it.
import type { PlaygroundPart } from '../common/playground';
import type { EventStore } from '../store';
import type { ActivityLog } from './activity';
import type { Pipeline } from './pipeline';

export type { PlaygroundPart };

export interface SessionCore {
  readonly store: EventStore;
  readonly pipeline: Pipeline;
  readonly activity: ActivityLog;
  /** True once this run's store and pipeline are closed (session reset or closed). */
  readonly closed: boolean;
  /** Tells the UI which parts changed (the engine coalesces these into one push). */
  changed(...parts: PlaygroundPart[]): void;
  /** Runs the consumers now (delivers what is pending). */
  pump(): void;
  /** Lets the consumers run: after the projection delay, or after `delayMs`. */
  schedulePump(delayMs?: number): void;
}

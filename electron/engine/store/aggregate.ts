// aggregateStream: folds a stream into state, starting from a snapshot when a usable one is stored.
// Snapshots are a versioned cache: a different snapshot version discards it; it is never upcast.
import { InvalidInputError } from './errors';
import type { AggregateStreamOptions, AggregateStreamResult, ReadStreamOptions, ReadStreamResult, StoredSnapshot } from './types';
import { checkStreamId, checkVersionNumber, toJsonText } from './validate';

const DEFAULT_SNAPSHOT_EVERY = 100;

/** What aggregating needs from a store. */
export interface SnapshotAccess {
  readStream(streamId: string, options?: ReadStreamOptions): ReadStreamResult;
  readSnapshot(streamId: string, name?: string): StoredSnapshot | undefined;
  deleteSnapshot(streamId: string, name?: string): void;
  writeSnapshot(streamId: string, name: string, snapshotVersion: number, streamVersion: number, stateJson: string): void;
}

export function aggregateStream<State>(store: SnapshotAccess, streamId: string, options: AggregateStreamOptions<State>): AggregateStreamResult<State> {
  checkStreamId(streamId);
  if (!options || typeof options.evolve !== 'function' || typeof options.initialState !== 'function') {
    throw new InvalidInputError('aggregateStream needs { evolve(state, event), initialState() }');
  }
  const toVersion = options.toVersion === undefined ? undefined : checkVersionNumber(options.toVersion, 'toVersion');
  const snap = options.snapshot;
  let name = 'default';
  let every = DEFAULT_SNAPSHOT_EVERY;
  let state: State | undefined;
  let from = 0;
  if (snap) {
    checkVersionNumber(snap.version, 'snapshot.version');
    if (snap.every !== undefined) every = checkVersionNumber(snap.every, 'snapshot.every', 1);
    if (snap.name !== undefined) {
      if (typeof snap.name !== 'string' || snap.name.length === 0 || snap.name.length > 200) throw new InvalidInputError('snapshot.name must be 1–200 characters');
      name = snap.name;
    }
    const stored = store.readSnapshot(streamId, name);
    if (stored && stored.snapshotVersion !== snap.version) {
      store.deleteSnapshot(streamId, name); // the state's shape changed: the cached state is useless
    } else if (stored && (toVersion === undefined || stored.streamVersion <= toVersion)) {
      state = snap.deserialize ? snap.deserialize(stored.state) : (stored.state as State);
      from = stored.streamVersion;
    }
  }
  if (from === 0) state = options.initialState();
  const { events, currentVersion, streamExists } = store.readStream(streamId, { fromVersion: from + 1, toVersion });
  for (let i = 0; i < events.length; i++) state = options.evolve(state as State, events[i]);
  const reached = events.length > 0 ? events[events.length - 1].streamVersion : from;
  if (snap && toVersion === undefined && reached - from >= every) {
    const json = toJsonText(snap.serialize ? snap.serialize(state as State) : state, `Snapshot of "${streamId}"`);
    store.writeSnapshot(streamId, name, snap.version, reached, json);
  }
  return { state: state as State, currentVersion, streamExists, snapshotVersion: from, eventsFolded: events.length };
}

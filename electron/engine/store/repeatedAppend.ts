// A repeated append (a caller retrying after a lost answer): when every caller-chosen event id is
// stored already, in this stream, at consecutive versions that fit the expected version, the append
// succeeds without writing.
import { EventIdConflictError } from './errors';
import type { AppendResult, ExpectedVersion } from './types';
import type { PreparedEvent } from './validate';

export interface StoredPlace {
  streamId: string;
  streamVersion: number;
  globalPosition: number;
}

/**
 * The result the original append returned, when this append is its retry; undefined when none of
 * the ids is stored; EventIdConflictError when some are stored but not as this exact append.
 */
export function resolveRepeatedAppend(
  streamId: string,
  expected: ExpectedVersion,
  events: readonly PreparedEvent[],
  lookup: (eventId: string) => StoredPlace | undefined,
): AppendResult | undefined {
  if (!events.some((e) => e.idGiven)) return undefined;
  const places = events.map((e) => (e.idGiven ? lookup(e.eventId) : undefined));
  const firstFound = places.findIndex((p) => p !== undefined);
  if (firstFound === -1) return undefined;
  const first = places[0];
  for (let i = 0; i < events.length; i++) {
    const place = places[i];
    const fits = place !== undefined && first !== undefined && place.streamId === streamId && place.streamVersion === first.streamVersion + i;
    if (!fits) {
      const stored = places[i] ?? places[firstFound]!;
      const id = places[i] ? events[i].eventId : events[firstFound].eventId;
      throw new EventIdConflictError(streamId, id, `in stream "${stored.streamId}" at version ${stored.streamVersion}`);
    }
  }
  const v1 = first!.streamVersion;
  const expectedFits =
    expected === 'any' || (expected === 'no_stream' && v1 === 1) || (expected === 'stream_exists' && v1 > 1) || expected === v1 - 1;
  if (!expectedFits) {
    throw new EventIdConflictError(streamId, events[0].eventId, `in stream "${streamId}" at version ${v1}, which does not match expected version ${String(expected)}`);
  }
  return {
    nextExpectedVersion: v1 + events.length - 1,
    firstGlobalPosition: first!.globalPosition,
    lastGlobalPosition: places[events.length - 1]!.globalPosition,
    createdNewStream: v1 === 1,
  };
}

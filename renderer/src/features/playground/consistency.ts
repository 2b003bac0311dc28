// The consistency strip's verdict for one order, from the write side (the stream) and the read side
// (the read model's row): caught up, behind (it will catch up), never catching up (a version a
// dual-writing service stored and never sent), or diverged (the read model applied an event the store
// never recorded, e.g. a send before a store commit that then failed). Pure: the strip only words it.
export type StripVerdict = { kind: 'same' } | { kind: 'behind' } | { kind: 'lost'; version: number } | { kind: 'diverged' };

interface Side {
  status: string;
  version: number;
}

export function stripVerdict(write: Side, read: Side | null, neverSent: readonly number[]): StripVerdict {
  const readVersion = read?.version ?? 0;
  if (readVersion > write.version || (read && readVersion === write.version && read.status !== write.status)) return { kind: 'diverged' };
  if (readVersion < write.version) {
    const lost = neverSent.find((v) => v > readVersion);
    return lost === undefined ? { kind: 'behind' } : { kind: 'lost', version: lost };
  }
  return { kind: 'same' };
}

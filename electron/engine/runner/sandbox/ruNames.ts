// The Russian names of a suite's describe and it blocks: the suite module's `ruNames` export, copied
// into the harness realm (own data properties with string values only, under caps, no getter ever
// run), and each test's full name put together from it, segment by segment. Also what the table
// lacks and what it holds in vain, for the completeness check and for authors.

/** Caps on a table: more entries, or longer texts, than any real suite needs. */
export const RU_NAMES_CAPS = { entries: 5000, keyChars: 1000, valueChars: 1000 } as const;
/** At most this many missing or unused names are reported per suite. */
const REPORT_CAP = 500;

/** A copy of `value` as name → Russian name, or null when it is not a usable table. */
export function copyRuNames(value: unknown): Map<string, string> | null {
  if (value === null || typeof value !== 'object') return null;
  let keys: Array<string | symbol>;
  try {
    keys = Reflect.ownKeys(value);
  } catch {
    return null;
  }
  const table = new Map<string, string>();
  for (const key of keys) {
    if (table.size >= RU_NAMES_CAPS.entries) break;
    if (typeof key !== 'string' || key.length > RU_NAMES_CAPS.keyChars) continue;
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    } catch {
      continue;
    }
    // A data property only: a getter could run code of the sandbox's realm.
    if (!descriptor || !('value' in descriptor)) continue;
    const text: unknown = descriptor.value;
    if (typeof text !== 'string' || text.length > RU_NAMES_CAPS.valueChars || text.trim() === '') continue;
    table.set(key, text);
  }
  return table;
}

/** The Russian full name ('оплата > записывает …'), or null when some segment has no translation. */
export function russianName(segments: readonly string[], table: ReadonlyMap<string, string> | null): string | null {
  if (!table) return null;
  const out: string[] = [];
  for (const s of segments) {
    const ru = table.get(s);
    if (ru === undefined) return null;
    out.push(ru);
  }
  return out.join(' > ');
}

export interface NameCoverage {
  /** Whether the suite exports a `ruNames` table at all. */
  table: boolean;
  /** Segments of registered describe/it names that have no Russian name. */
  missing: string[];
  /** Keys of the table that name no registered describe/it. */
  unused: string[];
}

/** What the table covers of the names a suite registered. */
export function nameCoverage(segments: Iterable<string>, table: ReadonlyMap<string, string> | null): NameCoverage {
  const used = new Set<string>();
  const missing: string[] = [];
  for (const s of segments) {
    if (used.has(s)) continue;
    used.add(s);
    if (!table?.has(s) && missing.length < REPORT_CAP) missing.push(s);
  }
  const unused = table ? [...table.keys()].filter((k) => !used.has(k)).slice(0, REPORT_CAP) : [];
  return { table: table !== null, missing, unused };
}

// Keeps highlighted code blocks by content hash: in memory for the engine's life, and as one small JSON
// file per block in a cache folder (the data folder's cache/code-highlight), so a block is highlighted
// once per machine, not once per start. A read-only folder of the same files, made when the app is
// built (shippedHighlights.ts), is looked in first, so the course's own blocks are never highlighted on
// a student's machine. A cache file that is unreadable, damaged or for other code is ignored (and, in
// the writable folder, written again); a folder that cannot be written only costs the next start its time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HighlightedCode } from '../common/highlightedCode';
import { writeFileWhole } from '../files/writeFileWhole';

export interface HighlightCache {
  /** The cached block, or the one `make` produces (null: not highlightable, remembered too). */
  get(lang: string, code: string, make: () => Promise<HighlightedCode | null>): Promise<HighlightedCode | null>;
}

/** The key of a block's entry: what was highlighted and how. */
export function cacheKey(format: string, lang: string, code: string): string {
  return crypto.createHash('sha256').update(`${format}\0${lang}\0${code}`).digest('hex');
}

function readFile(file: string, lang: string, code: string): HighlightedCode | null {
  try {
    const parsed = HighlightedCode.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success && parsed.data.lang === lang && parsed.data.code === code ? parsed.data : null;
  } catch {
    return null; // missing or not JSON: highlight again
  }
}

function writeFile(file: string, block: HighlightedCode): void {
  try {
    writeFileWhole(file, JSON.stringify(block));
  } catch {
    // A read-only or full disk: the memory cache still serves this engine.
  }
}

/**
 * `dir` null: memory only; `shippedDir`: the app's read-only folder, read before `dir`, never written.
 * Entries are few (the lessons' blocks), so the memory cache is not bounded.
 */
export function createHighlightCache(format: string, dir: string | null, shippedDir: string | null = null): HighlightCache {
  const memory = new Map<string, Promise<HighlightedCode | null>>();
  return {
    get(lang, code, make) {
      const key = cacheKey(format, lang, code);
      let entry = memory.get(key);
      if (!entry) {
        const file = dir ? path.join(dir, `${key}.json`) : null;
        entry = (async () => {
          const stored = (shippedDir ? readFile(path.join(shippedDir, `${key}.json`), lang, code) : null) ?? (file ? readFile(file, lang, code) : null);
          if (stored) return stored;
          const made = await make();
          if (made && file) writeFile(file, made);
          return made;
        })();
        // A failure is not remembered: the next request tries again.
        entry.catch(() => memory.delete(key));
        memory.set(key, entry);
      }
      return entry;
    },
  };
}

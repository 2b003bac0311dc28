// How deeply a JSON text nests, found by one scan of the characters before anything parses it: a hand-in
// nested thousands of levels deep would overflow the stack of every recursive step that follows
// (validation, canonical JSON for the checksum). Strings are skipped, so brackets inside them do not count.
export const MAX_JSON_DEPTH = 64;

/** True when the text opens more than `limit` arrays/objects inside each other at some point. */
export function exceedsJsonDepth(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

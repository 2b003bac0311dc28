// Reading errors thrown in the sandbox (never trusting them): positions in the bundle from their
// stacks, vm's timeout, a message for the student (in English, and as a phrase for any language),
// and copies of a given/when/then `details` and of a `phrase`.
import { assertionErrors } from './expect';
import { formatValue, safeGet } from './format';
import { englishOf, phrase, textPhrase, type Phrase, type PhraseArg } from '../../common/phrase';

export interface Frame {
  line: number;
  column: number;
}

/** Longer stacks hold a huge message: reading them would copy it (the heap limit is small); no frames then. */
const MAX_STACK_CHARS = 1_000_000;
/** A message is clipped before it is joined to its error's name, so a huge one is copied once at most. */
const MAX_MESSAGE_CHARS = 16_000;

/** Positions in the bundle (our vm filename) found in a stack trace. */
export function framesOf(stack: unknown, filename: string): Frame[] {
  if (typeof stack !== 'string' || stack.length > MAX_STACK_CHARS) return [];
  const out: Frame[] = [];
  const esc = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${esc}:(\\d+):(\\d+)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(stack)) && out.length < 12) out.push({ line: Number(m[1]), column: Number(m[2]) });
  return out;
}

/** vm's timeout error (created in the sandbox's realm, so not an instance of this realm's Error). */
export function isTimeout(err: unknown): boolean {
  if (err === null || typeof err !== 'object' || assertionErrors.has(err)) return false;
  const message = safeGet(err, 'message');
  return typeof message === 'string' && message.startsWith('Script execution timed out');
}

export function errorMessage(err: unknown): string {
  if (err !== null && typeof err === 'object') {
    const name = safeGet(err, 'name');
    const message = safeGet(err, 'message');
    if (typeof message === 'string') {
      // Read no more of a message than is ever shown (a 20 MB message must not be copied again).
      const text = message.length > MAX_MESSAGE_CHARS ? message.slice(0, MAX_MESSAGE_CHARS) : message;
      return `${typeof name === 'string' && name ? name : 'Error'}: ${englishOf(text)}`;
    }
  }
  return `thrown: ${formatValue(err)}`;
}

/**
 * What was thrown, as a phrase: a `say()` text or the starters' "not implemented" as our words; any
 * other error framed as the code's own ("Your code threw TypeError: …", its message as written).
 */
export function thrownPhrase(err: unknown): Phrase {
  if (err !== null && typeof err === 'object') {
    const name = safeGet(err, 'name');
    const message = safeGet(err, 'message');
    if (typeof message === 'string') {
      const clipped = message.length > 8000 ? `${message.slice(0, 8000)}… (truncated)` : message;
      const text = textPhrase(clipped);
      if (text.key !== 'text') return text;
      return phrase('thrown', { error: phrase('errorText', { name: typeof name === 'string' && name ? name.slice(0, 200) : 'Error', message: clipped }) });
    }
  }
  return phrase('thrown', { error: phrase('thrownValue', { value: formatValue(err) }) });
}

const PHRASE_LIMITS = { depth: 8, args: 24, items: 60, chars: 20_000 };

function copyArg(v: unknown, depth: number, budget: { chars: number }): PhraseArg | undefined {
  if (typeof v === 'string') {
    const s = v.length > PHRASE_LIMITS.chars ? `${v.slice(0, PHRASE_LIMITS.chars)}…` : v;
    budget.chars -= s.length;
    return budget.chars < 0 ? undefined : s;
  }
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) {
    const out: Phrase[] = [];
    for (let i = 0; i < Math.min(v.length, PHRASE_LIMITS.items); i++) {
      const item = copyPhraseAt(safeGet(v, i), depth + 1, budget);
      if (!item) return undefined;
      out.push(item);
    }
    return out;
  }
  return copyPhraseAt(v, depth + 1, budget);
}

function copyPhraseAt(v: unknown, depth: number, budget: { chars: number }): Phrase | undefined {
  if (depth > PHRASE_LIMITS.depth || v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const key = safeGet(v, 'key');
  if (typeof key !== 'string' || !/^\w{1,60}$/.test(key)) return undefined;
  const args = safeGet(v, 'args');
  if (args === undefined) return { key };
  if (args === null || typeof args !== 'object') return undefined;
  const out: Record<string, PhraseArg> = {};
  let names: string[];
  try {
    names = Object.keys(args).slice(0, PHRASE_LIMITS.args);
  } catch {
    return undefined;
  }
  for (const name of names) {
    if (!/^\w{1,40}$/.test(name)) return undefined;
    const arg = copyArg(safeGet(args, name), depth, budget);
    if (arg === undefined) return undefined;
    out[name] = arg;
  }
  return { key, args: out };
}

/** A plain, bounded copy of a thrown error's `phrase` (the given/when/then helper's), or undefined. */
export function copyPhrase(err: unknown): Phrase | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  return copyPhraseAt(safeGet(err, 'phrase'), 0, { chars: 64 * 1024 });
}

export function copyDetails(err: unknown): unknown {
  if (err === null || typeof err !== 'object') return undefined;
  const details = safeGet(err, 'details');
  if (details === undefined || details === null) return undefined;
  try {
    const text = JSON.stringify(details);
    if (typeof text !== 'string' || text.length > 64 * 1024) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}


// Reading errors thrown in the sandbox (never trusting them): positions in the bundle from their
// stacks, vm's timeout, a message for the student, and a given/when/then `details` copy.
import { assertionErrors } from './expect';
import { formatValue, safeGet } from './format';

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
      const text = message.length > MAX_MESSAGE_CHARS ? message.slice(0, MAX_MESSAGE_CHARS) : message;
      return `${typeof name === 'string' && name ? name : 'Error'}: ${text}`;
    }
  }
  return `thrown: ${formatValue(err)}`;
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


// Reading errors thrown in the sandbox (never trusting them): positions in the bundle from their
// stacks, vm's timeout, a message for the student, and a given/when/then `details` copy.
import { assertionErrors } from './expect';
import { formatValue, safeGet } from './format';

export interface Frame {
  line: number;
  column: number;
}

/** Positions in the bundle (our vm filename) found in a stack trace. */
export function framesOf(stack: unknown, filename: string): Frame[] {
  if (typeof stack !== 'string') return [];
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
    if (typeof message === 'string') return `${typeof name === 'string' && name ? name : 'Error'}: ${message}`;
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


// One digest helper so every hash in grading is the same algorithm and encoding (lowercase hex).
import { createHash } from 'node:crypto';

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

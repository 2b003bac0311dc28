// The exercise's read-only files are the engine domain's own files, so the student's aggregate,
// the command handler and the read model speak exactly the same language.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}exercises/orders-lifecycle/exercise.json`, 'utf8')) as { readonly: string[] };

describe('orders-lifecycle read-only files', () => {
  for (const name of manifest.readonly) {
    it(`${name} is identical to electron/engine/domain/orders/${name}`, () => {
      expect(readFileSync(`${root}exercises/orders-lifecycle/readonly/${name}`, 'utf8')).toBe(
        readFileSync(`${root}electron/engine/domain/orders/${name}`, 'utf8'),
      );
    });
  }
});

// The reference code a submission is compared with, besides its classmates: the exercise's own
// solution, and the engine's implementations a student could copy out of an app installed from source
// (each folder under domain/ as one group, each playground module on its own). Missing folders are
// simply not compared (an installed student build ships none of it).
import fs from 'node:fs';
import path from 'node:path';
import type { SimilarityReference } from './compare';

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

/** Every source file below a folder, keyed by its path relative to `base` (POSIX). */
function sources(dir: string, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, sources(abs, base));
    else if (entry.isFile() && SOURCE.test(entry.name) && !/\.test\./.test(entry.name)) {
      out[path.relative(base, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
    }
  }
  return out;
}

/** The engine's reference implementations, grouped; empty when `engineDir` is missing. */
export function engineReferences(engineDir: string | undefined): SimilarityReference[] {
  if (!engineDir || !fs.existsSync(engineDir)) return [];
  const refs: SimilarityReference[] = [];
  const domain = path.join(engineDir, 'domain');
  if (fs.existsSync(domain)) {
    for (const entry of fs.readdirSync(domain, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const files = sources(path.join(domain, entry.name), engineDir);
      if (Object.keys(files).length) refs.push({ key: `engine:domain/${entry.name}`, label: `engine: domain/${entry.name}`, files });
    }
  }
  const playground = sources(path.join(engineDir, 'playground'), engineDir);
  for (const [rel, text] of Object.entries(playground)) refs.push({ key: `engine:${rel}`, label: `engine: ${rel}`, files: { [rel]: text } });
  return refs;
}

export function solutionReference(exerciseId: string, solution: Record<string, string>): SimilarityReference {
  return { key: `solution:${exerciseId}`, label: 'solution', files: solution };
}

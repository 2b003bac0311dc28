// Benchmark dispatcher: `npm run bench -- <name>` runs bench/<name>.ts. Each bench prints a readable
// table and, as its last stdout line, one JSON object with its figures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const name = process.argv[2];

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ') || 'none'})`);
  process.exit(name ? 1 : 0);
}
// A bench module runs on import, or exports a main() that does (awaited either way).
const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { main?: (args: string[]) => unknown };
if (typeof mod.main === 'function') await mod.main(process.argv.slice(3));

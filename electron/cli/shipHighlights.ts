// `tsx electron/cli/shipHighlights.ts [--out .cache/code-highlight]` (run by `npm run build`): highlights
// every lesson's code into the folder the app ships (content/shippedHighlights.ts), so students' machines
// find the course's code already highlighted. Exits 1, naming the lesson, if a block cannot be highlighted.
import path from 'node:path';
import { writeShippedHighlights } from '../engine/content/shippedHighlights';

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const root = process.cwd();
const out = path.resolve(root, at >= 0 && args[at + 1] ? args[at + 1] : '.cache/code-highlight');

try {
  const { blocks, removed } = await writeShippedHighlights(path.join(root, 'content', 'lessons'), out);
  console.log(`lesson code highlighted → ${path.relative(root, out) || out} (${blocks} blocks${removed ? `, ${removed} stale removed` : ''})`);
} catch (err) {
  console.error(`ship-highlights: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

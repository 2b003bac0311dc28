// The highlight cache the app ships: made from the lessons at build time, it holds every lesson's
// highlightable blocks (so opening any lesson highlights nothing and writes nothing to the data folder),
// drops the files of blocks that are gone, and is found where an installed app and a checkout keep it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLessonCodeHighlights, highlightableBlocks } from '../../../electron/engine/content/lessonCodeHighlights';
import { listLessons, loadLesson } from '../../../electron/engine/content/loadLessons';
import { LESSON_LANGS } from '../../../electron/engine/content/lessonSchema';
import { shippedHighlightsDir, writeShippedHighlights } from '../../../electron/engine/content/shippedHighlights';

const lessonsRoot = path.resolve(__dirname, '../../../content/lessons');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-shipped-highlights-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('shipped highlights', () => {
  it("hold every lesson's blocks in both languages, so a lesson open writes nothing to the data folder", async () => {
    const out = path.join(temp, 'code-highlight');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'a-block-that-is-gone.json'), '{}');
    const { blocks, removed } = await writeShippedHighlights(lessonsRoot, out);
    expect(removed).toBe(1);
    expect(fs.readdirSync(out)).toHaveLength(blocks);
    expect(blocks).toBeGreaterThan(20);

    const data = path.join(temp, 'data-cache');
    const highlights = createLessonCodeHighlights(data, out);
    for (const { id } of listLessons(lessonsRoot)) {
      for (const lang of LESSON_LANGS) {
        const { markdown } = loadLesson(lessonsRoot, id, lang);
        const made = await highlights.forMarkdown(markdown);
        expect(made.map((b) => b.code), `${id} (${lang})`).toEqual(highlightableBlocks(markdown).map((b) => b.code));
      }
    }
    expect(fs.existsSync(data)).toBe(false);

    // Made again over itself: nothing removed, the same files.
    expect(await writeShippedHighlights(lessonsRoot, out)).toEqual({ blocks, removed: 0 });
  });

  it('are found beside the content when installed, in .cache/ in a checkout, and not at all when neither exists', () => {
    const installed = path.join(temp, 'installed');
    const checkout = path.join(temp, 'checkout');
    fs.mkdirSync(path.join(installed, 'code-highlight'), { recursive: true });
    fs.mkdirSync(path.join(checkout, '.cache', 'code-highlight'), { recursive: true });
    expect(shippedHighlightsDir(installed)).toBe(path.join(installed, 'code-highlight'));
    expect(shippedHighlightsDir(checkout)).toBe(path.join(checkout, '.cache', 'code-highlight'));
    expect(shippedHighlightsDir(path.join(temp, 'nothing'))).toBeNull();
  });
});

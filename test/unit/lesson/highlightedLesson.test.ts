// The lesson page draws the engine's highlighted code as shiki itself would (same spans, both themes'
// colours as CSS variables), every code block of the shipped lessons in a bundled language comes out
// highlighted, and code in another language, or without tokens, stays plain and escaped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grammarFor, highlightCode } from '../../../electron/engine/content/codeHighlighter';
import { createLessonCodeHighlights } from '../../../electron/engine/content/lessonCodeHighlights';
import { renderLesson } from '../../../renderer/src/features/lesson/markdown';
import { highlightedPre } from '../../../renderer/src/features/lesson/markdown/highlightedHtml';

const labels = {
  copy: 'Copy', anchor: 'Link', wrongExample: 'Wrong on purpose', diagramLoading: 'Drawing…', lessonMissing: 'Not yet', exerciseMissing: 'No such exercise',
  admonition: (k: string) => k,
};
const innerCode = (html: string) => /<code[^>]*>([\s\S]*)<\/code><\/pre>/.exec(html)?.[1];

describe('highlighted code on the lesson page', () => {
  it('is the markup shiki writes for both themes', async () => {
    const code = "import { z } from 'zod';\n/** An order. */\nexport class Order {\n  #paid = false; // private\n  pay(): void { this.#paid = true; }\n}\n\nconst rx = /a+b/g;";
    const ours = highlightedPre((await highlightCode('ts', code))!, 'ts');
    const [{ createHighlighterCore }, { createOnigurumaEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/oniguruma')]);
    const shiki = await createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
      langs: [import('shiki/langs/typescript.mjs')],
      engine: createOnigurumaEngine(import('shiki/wasm')),
    });
    const theirs = shiki.codeToHtml(code, { lang: 'typescript', themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, tokenizeTimeLimit: 0 });
    // Neighbouring tokens of one style are one span in ours: compare what each character looks like.
    const perChar = (html: string) =>
      [...innerCode(html)!.matchAll(/<span style="([^"]*)">([^<]*)<\/span>|(\n)/g)].flatMap((m) => (m[3] ? ['\n'] : [...m[2]!.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, '_')].map(() => m[1])));
    expect(perChar(ours)).toEqual(perChar(theirs));
    expect(ours).toContain('--shiki-light:');
    expect(ours).toMatch(/^<pre class="code shiki[^"]*" tabindex="0">/);
  });

  it('marks a highlighted block, leaves other languages and blocks without tokens plain, and escapes the text', async () => {
    const md = '# T\n\n```ts\nconst a = "<b>";\n```\n\n```cobol\nMOVE "<i>" TO A.\n```\n\n```python\nx = 1\n```\n';
    const ts = (await highlightCode('ts', 'const a = "<b>";'))!;
    const { html } = renderLesson(md, { lessonId: 'x', labels, highlights: [ts] });
    expect(html).toMatch(/<figure class="code-block" data-lang="ts" data-highlighted="true">/);
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toMatch(/<figure class="code-block" data-lang="cobol"><figcaption[\s\S]*?<pre class="code" tabindex="0"><code class="language-cobol">MOVE &quot;&lt;i&gt;&quot; TO A.\n<\/code>/);
    expect(html).toMatch(/<figure class="code-block" data-lang="python"><figcaption/);
  });

  it('covers every code block of the shipped lessons in a bundled language', async () => {
    const root = path.resolve(__dirname, '../../../content/lessons');
    const highlights = createLessonCodeHighlights(null);
    let blocks = 0;
    for (const id of fs.readdirSync(root)) {
      for (const file of fs.readdirSync(path.join(root, id)).filter((f) => /^lesson\.\w+\.md$/.test(f))) {
        const md = fs.readFileSync(path.join(root, id, file), 'utf8');
        const { html } = renderLesson(md, { lessonId: id, labels, highlights: await highlights.forMarkdown(md) });
        const figures = [...html.matchAll(/<figure class="code-block[^"]*" data-lang="([^"]*)"( data-highlighted="true")?>/g)];
        const inGrammar = figures.filter((f) => grammarFor(f[1]!));
        expect(inGrammar.filter((f) => !f[2]).map((f) => f[1]), `${id}/${file}`).toEqual([]);
        blocks += inGrammar.length;
      }
    }
    expect(blocks).toBeGreaterThan(60);
  });
});

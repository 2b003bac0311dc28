// The engine's code highlighting: tokens for both themes that spell the block, styles shared in a table,
// plain for a language without a grammar, and each block highlighted once per lesson request.
import { describe, expect, it } from 'vitest';
import { HighlightedCode } from '../../../electron/engine/common/highlightedCode';
import { grammarFor, highlightCode } from '../../../electron/engine/content/codeHighlighter';
import { toHighlightedCode } from '../../../electron/engine/content/codeTokens';
import { createLessonCodeHighlights } from '../../../electron/engine/content/lessonCodeHighlights';

const SNIPPET = "// an order's events\nexport const total: number = 42;\nfunction pay(id: string) {\n  return `paid ${id}`;\n}";

const tokenOf = (b: HighlightedCode, text: string) => {
  const hit = b.lines.flat().find(([t]) => t.trim() === text);
  if (!hit) throw new Error(`no token "${text}" in ${JSON.stringify(b.lines)}`);
  return b.styles[hit[1]]!;
};

describe('engine-side highlighting', () => {
  it('gives a TypeScript block tokens that spell it, each with a light and a dark colour', async () => {
    const block = (await highlightCode('ts', SNIPPET))!;
    expect(HighlightedCode.safeParse(block).success).toBe(true);
    expect(block.lines).toHaveLength(5);
    expect(block.lines.map((l) => l.map(([t]) => t).join('')).join('\n')).toBe(SNIPPET);
    // A keyword, a comment and a string each have their own colour, and a theme's colour differs from the other theme's.
    const keyword = tokenOf(block, 'function');
    const comment = block.styles[block.lines[0]![0]![1]]!;
    expect(keyword.light).not.toBe(keyword.dark);
    expect(new Set([keyword.light, comment.light, tokenOf(block, 'string').light]).size).toBe(3);
    // The style table holds each style once.
    const keys = block.styles.map((s) => JSON.stringify(s));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('knows the course languages by their fence names and leaves others plain', async () => {
    for (const lang of ['ts', 'TypeScript', 'python', 'bash', 'json', 'sql']) expect(grammarFor(lang), lang).not.toBeNull();
    expect(grammarFor('cobol')).toBeNull();
    expect(await highlightCode('cobol', 'DISPLAY "HI".')).toBeNull();
  });

  it('refuses tokens that do not spell the code or carry a colour that is not a hex colour', () => {
    const fallback = { light: '#000000', dark: '#ffffff' };
    expect(() => toHighlightedCode('ts', 'ab', [[{ content: 'a' }]], fallback)).toThrow(/spell/);
    expect(() => toHighlightedCode('ts', 'a', [[{ content: 'a', htmlStyle: { '--shiki-light': 'red;background:url(x)', '--shiki-dark': '#fff' } }]], fallback)).toThrow(/hex/);
    // A token without colours takes the theme's text colour; same-styled neighbours become one token.
    const ok = toHighlightedCode('ts', 'ab', [[{ content: 'a' }, { content: 'b' }]], fallback);
    expect(ok.lines).toEqual([[['ab', 0]]]);
    expect(ok.styles).toEqual([{ light: '#000000', dark: '#ffffff', lightFont: 0, darkFont: 0 }]);
  });

  it('highlights each block of a lesson once, in order, skipping unknown languages and repeats', async () => {
    const md = ['# T', '```ts', 'const a = 1;', '```', '```cobol', 'MOVE 1 TO A.', '```', '!!! tip', '    ```python', '    x = 1', '    ```', '```ts', 'const a = 1;', '```'].join('\n');
    const blocks = await createLessonCodeHighlights(null).forMarkdown(md);
    expect(blocks.map((b) => [b.lang, b.code])).toEqual([['ts', 'const a = 1;'], ['python', 'x = 1']]);
  });
});

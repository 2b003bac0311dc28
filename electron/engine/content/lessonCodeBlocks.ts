// Finds the fenced code blocks of a lesson's Markdown, with their info strings parsed, so the
// content checks (TypeScript type-checking, Mermaid sanity) can look at each block on its own.

export interface LessonCodeBlock {
  /** The first word of the info string, lower-cased ('ts', 'mermaid', 'text', ...); '' when absent. */
  lang: string;
  /** The info string as written after the fence. */
  info: string;
  /** Bare words after the language, e.g. ['wrong'] for ```ts wrong. */
  flags: string[];
  /** key="value" pairs after the language, e.g. { title: 'events.ts' }. */
  attrs: Record<string, string>;
  /** The block's text, with the fence's own indentation removed. */
  code: string;
  /** 1-based line of the opening fence in the Markdown file. */
  line: number;
}

const OPEN = /^( {0,3}|\s*)(`{3,}|~{3,})(.*)$/;

export function parseInfoString(info: string): Pick<LessonCodeBlock, 'lang' | 'flags' | 'attrs'> {
  const words = info.trim().match(/[^\s"]+="[^"]*"|[^\s]+/g) ?? [];
  const [first = '', ...rest] = words;
  const flags: string[] = [];
  const attrs: Record<string, string> = {};
  for (const word of rest) {
    const pair = /^([^=]+)="([^"]*)"$/.exec(word);
    if (pair) attrs[pair[1]] = pair[2];
    else flags.push(word);
  }
  return { lang: first.toLowerCase(), flags, attrs };
}

/** Every fenced block, in order. Fences may be indented (e.g. inside an admonition's body). */
export function extractCodeBlocks(markdown: string): LessonCodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: LessonCodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    // A backtick fence's info string may not contain backticks (CommonMark), so `x` inline code is not a fence.
    if (fence[0] === '`' && info.includes('`')) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^(\s*)(`{3,}|~{3,})\s*$/.exec(lines[j]);
      if (close && close[2][0] === fence[0] && close[2].length >= fence.length) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
    }
    blocks.push({ ...parseInfoString(info), info: info.trim(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** TypeScript blocks the checker compiles: ```ts / ```typescript, unless marked `wrong`. */
export function isCheckedTypeScript(block: LessonCodeBlock): boolean {
  return (block.lang === 'ts' || block.lang === 'typescript') && !block.flags.includes('wrong');
}

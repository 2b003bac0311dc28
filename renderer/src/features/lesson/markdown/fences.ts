// Fenced blocks: ```mermaid becomes a diagram placeholder (drawn later, lazily), ```text a never-wrapping
// monospace block for box-drawing diagrams, and every other language a captioned code block with a copy
// button, highlighted from the tokens the engine sent (highlightedHtml.ts) or plain when it sent none. The
// info string may carry a title (title="x.ts") and the flag `wrong` for examples that are deliberately incorrect.
import type MarkdownIt from 'markdown-it';
import { codeBlockKey } from '../../../../../electron/engine/common/codeBlockKey';
import { CODE_LANGUAGES } from '../../../../../electron/engine/common/codeLanguages';
import type { LessonEnv } from './env';
import { highlightedPre } from './highlightedHtml';

export interface FenceInfo {
  lang: string;
  title: string | null;
  wrong: boolean;
}

export function parseFenceInfo(info: string): FenceInfo {
  const trimmed = info.trim();
  const lang = (/^[^\s{]+/.exec(trimmed)?.[0] ?? '').toLowerCase();
  const rest = trimmed.slice(lang.length);
  const title = /title\s*=\s*"([^"]*)"/.exec(rest)?.[1] ?? /title\s*=\s*'([^']*)'/.exec(rest)?.[1] ?? null;
  const wrong = /(^|\s)wrong(\s|$)/.test(rest.replace(/title\s*=\s*("[^"]*"|'[^']*')/g, ''));
  return { lang, title, wrong };
}

const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'ascii']);

/** Display names of highlighted languages (common/codeLanguages.ts); other languages show their own name. */
export const LANGUAGE_LABELS: Record<string, string> = Object.fromEntries(Object.entries(CODE_LANGUAGES).map(([name, { label }]) => [name, label]));

export function fencesPlugin(md: MarkdownIt): void {
  const esc = md.utils.escapeHtml;
  md.renderer.rules.fence = (tokens, idx, _opts, env: LessonEnv) => {
    const token = tokens[idx];
    const info = parseFenceInfo(token.info);
    const code = token.content;
    if (info.lang === 'mermaid') {
      return (
        `<figure class="mermaid-block" data-mermaid="pending">` +
        `<div class="mermaid-status" role="status">${esc(env.labels.diagramLoading)}</div>` +
        `<pre class="mermaid-source" hidden><code>${esc(code)}</code></pre></figure>\n`
      );
    }
    if (PLAIN.has(info.lang)) {
      const caption = info.title ? `<figcaption class="code-caption"><span class="code-title">${esc(info.title)}</span></figcaption>` : '';
      return `<figure class="text-block">${caption}<pre class="box-drawing" tabindex="0"><code>${esc(code)}</code></pre></figure>\n`;
    }
    const label = LANGUAGE_LABELS[info.lang] ?? info.lang;
    const wrong = info.wrong ? `<span class="code-wrong">${esc(env.labels.wrongExample)}</span>` : '';
    const title = info.title ? `<span class="code-title">${esc(info.title)}</span>` : '';
    const highlighted = env.highlights.get(codeBlockKey(info.lang, code));
    const pre = highlighted
      ? highlightedPre(highlighted, info.lang)
      : `<pre class="code" tabindex="0"><code class="language-${esc(info.lang)}">${esc(code)}</code></pre>`;
    return (
      `<figure class="code-block${info.wrong ? ' is-wrong' : ''}" data-lang="${esc(info.lang)}"${highlighted ? ' data-highlighted="true"' : ''}>` +
      `<figcaption class="code-caption">${title}<span class="code-lang">${esc(label)}</span>${wrong}` +
      `<button type="button" class="code-copy" data-copy>${esc(env.labels.copy)}</button></figcaption>` +
      `${pre}</figure>\n`
    );
  };
  // Indented code blocks get the same never-wrapping monospace treatment.
  md.renderer.rules.code_block = (tokens, idx) =>
    `<figure class="text-block"><pre class="box-drawing" tabindex="0"><code>${esc(tokens[idx].content)}</code></pre></figure>\n`;
}

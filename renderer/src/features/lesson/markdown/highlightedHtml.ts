// Draws a code block the engine highlighted (common/highlightedCode.ts) as the lesson's HTML: a line
// span per line and a span per token carrying both themes' colours as CSS variables, the same markup
// shiki writes (`--shiki-light` / `--shiki-dark`), so lesson.css switches themes by CSS alone. The text
// is escaped here and the colours were checked to be hex colours: no HTML from elsewhere reaches the page.
import { FONT_BOLD, FONT_ITALIC, FONT_STRIKETHROUGH, FONT_UNDERLINE } from '../../../../../electron/engine/common/codeBlockKey';
import type { HighlightedCode, TokenStyle } from '../../../../../electron/engine/common/highlightedCode';
import { escapeHtml } from 'markdown-it/lib/common/utils.mjs';

function fontParts(flags: number): Record<string, string> {
  const parts: Record<string, string> = {};
  if (flags & FONT_ITALIC) parts['font-style'] = 'italic';
  if (flags & FONT_BOLD) parts['font-weight'] = 'bold';
  const decorations = [flags & FONT_UNDERLINE ? 'underline' : '', flags & FONT_STRIKETHROUGH ? 'line-through' : ''].filter(Boolean);
  if (decorations.length) parts['text-decoration'] = decorations.join(' ');
  return parts;
}

/** A token's style attribute, written as shiki writes it for two themes without a default colour. */
export function tokenStyleAttribute(style: TokenStyle): string {
  const light = { color: style.light, ...fontParts(style.lightFont) };
  const dark = { color: style.dark, ...fontParts(style.darkFont) };
  // Each theme lists every property either theme sets, in the order they first appear (shiki's order).
  const keys = [...new Set([...Object.keys(light), ...Object.keys(dark)])];
  const name = (theme: string, key: string) => `--shiki-${theme}${key === 'color' ? '' : `-${key}`}`;
  return [
    ...keys.map((k) => `${name('light', k)}:${light[k as keyof typeof light] ?? 'inherit'}`),
    ...keys.map((k) => `${name('dark', k)}:${dark[k as keyof typeof dark] ?? 'inherit'}`),
  ].join(';');
}

/** The `<pre>` of a highlighted block: focusable, its text exactly the block's code. */
export function highlightedPre(block: HighlightedCode, lang: string): string {
  const styles = block.styles.map((s) => escapeHtml(tokenStyleAttribute(s)));
  const lines = block.lines.map(
    (line) => `<span class="line">${line.map(([text, style]) => `<span style="${styles[style]}">${escapeHtml(text)}</span>`).join('')}</span>`,
  );
  return `<pre class="code shiki shiki-themes github-light github-dark" tabindex="0"><code class="language-${escapeHtml(lang)}">${lines.join('\n')}</code></pre>`;
}

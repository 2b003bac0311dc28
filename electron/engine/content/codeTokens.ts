// Turns shiki's tokens (both themes' colours as CSS variables, `defaultColor: false`) into the compact,
// checked form the lesson page draws (common/highlightedCode.ts): a table of distinct styles and lines of
// [text, style index]. Pure.
import { FONT_BOLD, FONT_ITALIC, FONT_STRIKETHROUGH, FONT_UNDERLINE, HighlightedCode, type TokenStyle } from '../common/highlightedCode';

/** What shiki's codeToTokens gives per token with two themes named light and dark. */
export interface ShikiToken {
  content: string;
  htmlStyle?: Record<string, string>;
}

function fontFlags(style: Record<string, string>, theme: 'light' | 'dark'): number {
  const decoration = style[`--shiki-${theme}-text-decoration`] ?? '';
  return (
    (style[`--shiki-${theme}-font-style`] === 'italic' ? FONT_ITALIC : 0) |
    (style[`--shiki-${theme}-font-weight`] === 'bold' ? FONT_BOLD : 0) |
    (decoration.includes('underline') ? FONT_UNDERLINE : 0) |
    (decoration.includes('line-through') ? FONT_STRIKETHROUGH : 0)
  );
}

const WHITESPACE_ONLY = /^\s+$/;

/**
 * Whitespace joins the token after it, as shiki's own HTML does (its colour is never seen), unless that
 * token is underlined or struck through, which would then show on the whitespace too.
 */
export function mergeWhitespace(line: ShikiToken[]): ShikiToken[] {
  const out: ShikiToken[] = [];
  let carry = '';
  line.forEach((token, i) => {
    const decorated = Object.entries(token.htmlStyle ?? {}).some(([k, v]) => k.endsWith('-text-decoration') && v !== 'inherit');
    if (!decorated && WHITESPACE_ONLY.test(token.content) && line[i + 1]) carry += token.content;
    else if (carry && !decorated) {
      out.push({ ...token, content: carry + token.content });
      carry = '';
    } else {
      if (carry) out.push({ content: carry });
      out.push(token);
      carry = '';
    }
  });
  return out;
}

/**
 * The block in the page's form. `fallback` colours a token shiki left without one (the theme's own
 * text colour). Throws when the result does not pass the schema (a colour that is not a hex colour,
 * tokens that do not spell the code): the caller then shows the block plain.
 */
export function toHighlightedCode(lang: string, code: string, tokens: ShikiToken[][], fallback: { light: string; dark: string }): HighlightedCode {
  const styles: TokenStyle[] = [];
  const index = new Map<string, number>();
  const styleOf = (token: ShikiToken): number => {
    const s = token.htmlStyle ?? {};
    const style: TokenStyle = {
      light: s['--shiki-light'] ?? fallback.light,
      dark: s['--shiki-dark'] ?? fallback.dark,
      lightFont: fontFlags(s, 'light'),
      darkFont: fontFlags(s, 'dark'),
    };
    const key = `${style.light}|${style.dark}|${style.lightFont}|${style.darkFont}`;
    let at = index.get(key);
    if (at === undefined) {
      at = styles.push(style) - 1;
      index.set(key, at);
    }
    return at;
  };
  const lines = tokens.map((line) => {
    const out: Array<[string, number]> = [];
    for (const token of mergeWhitespace(line)) {
      if (token.content === '') continue;
      const style = styleOf(token);
      const last = out[out.length - 1];
      // Neighbours of one style are one token: fewer spans, the same picture.
      if (last && last[1] === style) last[0] += token.content;
      else out.push([token.content, style]);
    }
    return out;
  });
  return HighlightedCode.parse({ lang, code, styles, lines });
}

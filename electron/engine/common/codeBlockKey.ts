// Names shared by the engine's highlighter and the lesson page without zod (the page imports only these
// and the types): how a highlighted block is found again, and the font flags a token style carries.

/** Font flags of a token, as a bit set (TextMate's own): 1 italic, 2 bold, 4 underline, 8 strike-through. */
export const FONT_ITALIC = 1;
export const FONT_BOLD = 2;
export const FONT_UNDERLINE = 4;
export const FONT_STRIKETHROUGH = 8;

/** How a block is found: its fence language (any case) and its text without the final newline. */
export function codeBlockKey(lang: string, code: string): string {
  return `${lang.toLowerCase()}\n${code.replace(/\r?\n$/, '')}`;
}

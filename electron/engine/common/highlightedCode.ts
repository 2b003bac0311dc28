// The highlighted form of a lesson's code block, as the engine sends it and the lesson page draws it:
// lines of [text, style] tokens and a small table of styles, each style a colour for the light theme and
// one for the dark theme (plus italic/bold/underline), so a theme switch stays pure CSS. No HTML travels:
// colours are checked to be hex colours, and the page escapes the text itself. Zod only: common is Node-free.
import { z } from 'zod';

export { codeBlockKey, FONT_BOLD, FONT_ITALIC, FONT_STRIKETHROUGH, FONT_UNDERLINE } from './codeBlockKey';

/** A CSS hex colour as the themes write it (#rgb, #rgba, #rrggbb, #rrggbbaa). */
const HexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'a hex colour');

/** Font flags (codeBlockKey.ts): 1 italic, 2 bold, 4 underline, 8 strike-through. */
const FontFlags = z.number().int().min(0).max(15);

export const TokenStyle = z.object({
  light: HexColour,
  dark: HexColour,
  lightFont: FontFlags,
  darkFont: FontFlags,
});
export type TokenStyle = z.infer<typeof TokenStyle>;

export const HighlightedCode = z
  .object({
    /** The language as the fence names it (`ts`, `bash`…), with `code` the key the page finds the block by. */
    lang: z.string().max(40),
    /** The block's text as written (lines joined by \n, no final newline). */
    code: z.string().max(200_000),
    styles: z.array(TokenStyle).max(1000),
    /** One entry per line of `code`: its tokens, each its text and an index into `styles`. */
    lines: z.array(z.array(z.tuple([z.string(), z.number().int().min(0)]))).max(20_000),
  })
  .refine((b) => b.lines.every((line) => line.every(([, style]) => style < b.styles.length)), 'a token names a style that is not in the table')
  .refine((b) => b.lines.map((line) => line.map(([text]) => text).join('')).join('\n') === b.code, 'the tokens do not spell the block\'s code');
export type HighlightedCode = z.infer<typeof HighlightedCode>;

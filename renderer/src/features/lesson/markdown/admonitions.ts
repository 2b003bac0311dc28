// MkDocs-style admonitions for markdown-it: `!!! kind "Title"` followed by a body indented four spaces.
// `??? kind` makes a collapsed <details>, `???+ kind` an open one. An empty title ("") hides the title bar.
// The body is ordinary Markdown (lists, code, nested admonitions).
import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';

export interface AdmonitionOptions {
  /** Default title per kind when the author gives none (e.g. localised "Tip"). */
  defaultTitle?: (kind: string) => string;
}

const MARKER = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"((?:[^"\\]|\\.)*)")?[ \t]*$/;

export function admonitionsPlugin(md: MarkdownIt, options: AdmonitionOptions = {}): void {
  const defaultTitle = options.defaultTitle ?? ((kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1));

  function rule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
    // Four or more spaces of indentation make an indented code block, not an admonition.
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const line = state.src.slice(start, state.eMarks[startLine]);
    const match = MARKER.exec(line);
    if (!match) return false;
    if (silent) return true;

    const [, marker, rawKind, rawTitle] = match;
    const kind = rawKind.toLowerCase();
    // The body: following lines indented at least four columns deeper, blank lines included
    // only when more indented lines follow them.
    let last = startLine;
    for (let next = startLine + 1; next < endLine; next++) {
      if (state.isEmpty(next)) continue;
      if (state.sCount[next] - state.blkIndent < 4) break;
      last = next;
    }

    const open = state.push('admonition_open', marker === '!!!' ? 'div' : 'details', 1);
    open.block = true;
    open.info = kind;
    open.markup = marker;
    open.meta = { title: rawTitle === undefined ? defaultTitle(kind) : rawTitle.replace(/\\(.)/g, '$1'), kind, marker };
    open.map = [startLine, last + 1];

    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    const oldIndent = state.blkIndent;
    state.parentType = 'admonition' as StateBlock['parentType'];
    state.lineMax = last + 1;
    state.blkIndent = oldIndent + 4;
    state.md.block.tokenize(state, startLine + 1, last + 1);
    state.blkIndent = oldIndent;
    state.lineMax = oldLineMax;
    state.parentType = oldParent;

    const close = state.push('admonition_close', open.tag, -1);
    close.block = true;
    close.markup = marker;
    state.line = last + 1;
    return true;
  }

  md.block.ruler.before('fence', 'admonition', rule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });

  md.renderer.rules.admonition_open = (tokens, idx) => {
    const { title, kind, marker } = tokens[idx].meta as { title: string; kind: string; marker: string };
    const cls = `admonition admonition-${md.utils.escapeHtml(kind)}`;
    const titleHtml = title === '' ? '' : md.renderInline(title);
    if (marker === '!!!') {
      const head = titleHtml ? `<p class="admonition-title">${titleHtml}</p>\n` : '';
      return `<div class="${cls}" data-kind="${md.utils.escapeHtml(kind)}" role="note">\n${head}`;
    }
    const openAttr = marker === '???+' ? ' open' : '';
    return `<details class="${cls}" data-kind="${md.utils.escapeHtml(kind)}"${openAttr}>\n<summary class="admonition-title">${titleHtml || md.utils.escapeHtml(kind)}</summary>\n`;
  };
  md.renderer.rules.admonition_close = (tokens, idx) => `</${tokens[idx].tag}>\n`;
}

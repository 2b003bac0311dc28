// Exercise descriptions are Markdown written by course authors: rendered without raw HTML,
// so a description can never inject markup or scripts into the app.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Inline code such as INVALID_PAYMENT_METHOD or OrderCancelled is one long word: offer line breaks after
// underscores and before inner capitals, so a rules table fits a narrow task panel without cutting words
// anywhere else.
const escape = md.utils.escapeHtml;
md.renderer.rules.code_inline = (tokens, idx) =>
  `<code>${escape(tokens[idx].content)
    .replace(/_(?=[A-Za-z0-9])/g, '_<wbr>')
    .replace(/([a-z])(?=[A-Z])/g, '$1<wbr>')}</code>`;

export function renderMarkdown(source: string): string {
  return md.render(source);
}

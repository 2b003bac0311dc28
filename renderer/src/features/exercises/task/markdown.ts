// Exercise descriptions are Markdown written by course authors: rendered without raw HTML,
// so a description can never inject markup or scripts into the app.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(source: string): string {
  return md.render(source);
}

// Escaping for every piece of student-provided text that reaches a report: HTML text and attributes,
// Markdown, and CSV cells (including spreadsheet formula injection).
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markdown: backslash-escape the characters that start markup, and neutralise raw HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_\[\]#|<>~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A fenced block that the text cannot close: the fence is longer than any backtick run inside. */
export function markdownFence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

export { csvCell } from '../../common/spreadsheet';

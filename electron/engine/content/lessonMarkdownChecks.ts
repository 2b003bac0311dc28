// Checks a lesson's Markdown for the mistakes the renderer cannot recover from gracefully:
// unknown admonition kinds, admonitions without an indented body, unclosed fences, empty or
// unknown Mermaid diagrams, a missing top heading. Each finding names its line.
import { extractCodeBlocks } from './lessonCodeBlocks';

export const ADMONITION_KINDS = ['note', 'tip', 'info', 'success', 'warning', 'quote'] as const;

const MERMAID_KINDS = /^(flowchart|graph|sequenceDiagram|stateDiagram(-v2)?|classDiagram|erDiagram|gantt|pie|journey|mindmap|timeline|gitGraph|quadrantChart|block-beta|sankey-beta|xychart-beta)\b/;

export interface MarkdownFinding {
  line: number;
  message: string;
}

export function checkLessonMarkdown(markdown: string): MarkdownFinding[] {
  const findings: MarkdownFinding[] = [];
  const lines = markdown.split(/\r?\n/);

  if (!lines.some((l) => /^# \S/.test(l))) findings.push({ line: 1, message: 'the lesson has no top-level "# " heading (its title)' });

  // Fences: every opening fence must be closed, or the rest of the lesson renders as code.
  let open: { line: number; fence: string } | null = null;
  lines.forEach((text, i) => {
    const m = /^\s*(`{3,}|~{3,})(.*)$/.exec(text);
    if (!m) return;
    if (open === null) {
      if (!(m[1][0] === '`' && m[2].includes('`'))) open = { line: i + 1, fence: m[1] };
    } else if (m[1][0] === open.fence[0] && m[1].length >= open.fence.length && m[2].trim() === '') {
      open = null;
    }
  });
  const unclosed = open as { line: number } | null;
  if (unclosed) findings.push({ line: unclosed.line, message: 'this code fence is never closed' });

  // Admonitions, outside code blocks: `!!! kind "Title"` followed by a body indented by 4 spaces.
  const inCode = new Set<number>();
  for (const block of extractCodeBlocks(markdown)) {
    const bodyLines = block.code === '' ? 0 : block.code.split('\n').length;
    for (let l = block.line; l <= block.line + bodyLines + 1; l++) inCode.add(l);
  }
  lines.forEach((text, i) => {
    if (inCode.has(i + 1) || !text.startsWith('!!!')) return;
    const m = /^!!!\s+([a-z]+)(\s+"[^"]*")?\s*$/.exec(text);
    if (!m) {
      findings.push({ line: i + 1, message: 'an admonition is written !!! kind "Title" (the title in double quotes is optional)' });
      return;
    }
    if (!(ADMONITION_KINDS as readonly string[]).includes(m[1])) {
      findings.push({ line: i + 1, message: `unknown admonition kind "${m[1]}"; use one of ${ADMONITION_KINDS.join(', ')}` });
    }
    const body = lines[i + 1] ?? '';
    if (!/^ {4}\S/.test(body)) findings.push({ line: i + 2, message: 'an admonition body starts on the next line, indented by 4 spaces' });
  });

  for (const block of extractCodeBlocks(markdown)) {
    if (block.lang !== 'mermaid') continue;
    const first = block.code.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('%%'));
    if (!first) findings.push({ line: block.line, message: 'this Mermaid block is empty' });
    else if (!MERMAID_KINDS.test(first.trim())) {
      findings.push({ line: block.line, message: `this Mermaid block does not start with a diagram type (found "${first.trim().slice(0, 30)}")` });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

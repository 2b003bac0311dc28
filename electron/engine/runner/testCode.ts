// Finds the source of a test in its file: given where the `it(...)` call starts, returns the body
// of the test's callback (dedented), for results.json's test_code.

/** Index of the bracket that closes the one at `open`, skipping strings, templates and comments. */
function matchBracket(src: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(src, i);
      continue;
    }
    if (pairs[c]) stack.push(pairs[c]!);
    else if (c === ')' || c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

function skipString(src: string, start: number): number {
  const q = src[start]!;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (q === '`' && c === '$' && src[i + 1] === '{') {
      const end = matchBracket(src, i + 1);
      if (end < 0) return src.length;
      i = end;
      continue;
    }
    if (c === q) return i;
  }
  return src.length;
}

function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^\s*/)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n');
}

function offsetOf(src: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.indexOf('\n', off);
    if (nl < 0) return src.length;
    off = nl + 1;
  }
  return off + column;
}

/** The test body for a call starting at line (1-based) / column (0-based); '' when not found. */
export function extractTestCode(src: string, line: number, column: number): string {
  const start = offsetOf(src, line, column);
  const open = src.indexOf('(', start);
  if (open < 0) return '';
  const close = matchBracket(src, open);
  if (close < 0) return '';
  const args = src.slice(open + 1, close);
  // The callback: the last `=>` or `function` at the top level of the argument list.
  let depth = 0;
  let cb = -1;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(args, i);
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (depth === 0 && c === '=' && args[i + 1] === '>') {
      cb = i + 2;
      break;
    } else if (depth === 0 && args.startsWith('function', i)) {
      const brace = args.indexOf('{', i);
      if (brace >= 0) cb = brace;
      break;
    }
  }
  if (cb < 0) return dedent(src.slice(start, close + 1));
  let i = cb;
  while (i < args.length && /\s/.test(args[i]!)) i++;
  if (args[i] === '{') {
    const end = matchBracket(args, i);
    if (end > i) return dedent(args.slice(i + 1, end));
  }
  return dedent(args.slice(i).replace(/,\s*$/, ''));
}

/**
 * What a failing assertion was about: the argument of the `expect(…)` whose matcher is called at
 * line (1-based) / column (0-based) of the test source, e.g. `order.paidAt`. Null when no `expect(`
 * ends just before that place (a thrown error, a helper).
 */
export function expectSubject(src: string, line: number, column: number): string | null {
  const at = offsetOf(src, line, column);
  const open = src.lastIndexOf('expect(', at);
  if (open < 0 || at - open > 600) return null;
  const paren = open + 'expect'.length;
  const close = matchBracket(src, paren);
  if (close < 0 || close > at) return null;
  // The failing call must be this expect's matcher (`expect(x).not.toBe`), not a later line's call.
  if (!/^\s*(\.\s*(not|resolves|rejects)\s*)*\.\s*$/.test(src.slice(close + 1, at))) return null;
  // `expect(value, 'label')`: the label names what was compared, and leads the message already.
  if (hasSecondArgument(src, paren + 1, close)) return null;
  const subject = src.slice(paren + 1, close).replace(/\s+/g, ' ').trim().replace(/,$/, '');
  // A literal names nothing the student could look for.
  if (!subject || subject.length > 120 || /^(-?[\d._]+(e-?\d+)?n?|'[^']*'|"[^"]*"|`[^`$]*`|true|false|null|undefined)$/.test(subject)) return null;
  return subject;
}

/** Whether the argument list between `from` and `to` has a second argument (a comma at its top level, not trailing). */
function hasSecondArgument(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = src[i]!;
    if (c === '"' || c === "'" || c === '`') i = skipString(src, i);
    else if (c === '(' || c === '{' || c === '[') {
      const end = matchBracket(src, i);
      if (end < 0) return false;
      i = end;
    } else if (c === ',' && src.slice(i + 1, to).trim() !== '') return true;
  }
  return false;
}

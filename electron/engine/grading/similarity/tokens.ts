// The token stream of a TypeScript/JavaScript source as plagiarism detection sees it (in the spirit of
// JPlag and MOSS): comments and layout are dropped, every identifier becomes one token, every string or
// number literal another, so renaming variables or reformatting changes nothing. Keywords and
// punctuation stay: they are the structure. A small lexer of our own keeps the engine free of the
// TypeScript compiler; it does not need to be perfect, only the same for everyone.

export interface Token {
  /** The normalised text: a keyword, a punctuator, or I (identifier), S (string), N (number), T (template). */
  kind: string;
  /** 1-based line where the token starts, to show matching regions. */
  line: number;
}

const KEYWORDS = new Set(
  (
    'abstract any as async await boolean break case catch class const constructor continue debugger declare default delete do ' +
    'else enum export extends false finally for from function get if implements import in instanceof interface keyof let new ' +
    'null number object of private protected public readonly return satisfies set static string super switch this throw true ' +
    'try type typeof undefined unknown never var void while yield'
  ).split(' '),
);

const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];

const isIdStart = (c: string) => /[\p{L}_$]/u.test(c);
const isIdPart = (c: string) => /[\p{L}\p{N}_$\u200c\u200d]/u.test(c);

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  const s = source;
  let i = 0;
  let line = 1;
  const n = s.length;
  const push = (kind: string, at: number) => out.push({ kind, line: at });
  while (i < n) {
    const c = s[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF' || c === '\u00a0') i++;
    else if (c === '/' && s[i + 1] === '/') {
      while (i < n && s[i] !== '\n') i++;
    } else if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (s[j] === '\n') line++;
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = line;
      i++;
      while (i < n && s[i] !== c && s[i] !== '\n') i += s[i] === '\\' ? 2 : 1;
      i++;
      push('S', start);
    } else if (c === '`') {
      // A template literal: its text is one token; expressions inside ${…} are tokenised like code.
      const start = line;
      i = template(s, i + 1, out, (l) => (line += l), () => line);
      push('T', start);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      while (i < n && /[0-9a-zA-Z_.]/.test(s[i]!)) i++;
      push('N', line);
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(s[j]!)) j++;
      const word = s.slice(i, j);
      push(KEYWORDS.has(word) ? word : 'I', line);
      i = j;
    } else if (c === '/' && regexAllowed(out)) {
      const start = line;
      i++;
      let inClass = false;
      while (i < n && s[i] !== '\n') {
        if (s[i] === '\\') i++;
        else if (s[i] === '[') inClass = true;
        else if (s[i] === ']') inClass = false;
        else if (s[i] === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < n && /[a-z]/.test(s[i]!)) i++;
      push('R', start);
    } else {
      const p = PUNCTUATORS.find((q) => s.startsWith(q, i));
      push(p ?? c, line);
      i += p ? p.length : 1;
    }
  }
  return out;
}

/** After these a `/` starts a regular expression, not a division. */
function regexAllowed(out: Token[]): boolean {
  const last = out[out.length - 1]?.kind;
  if (last === undefined) return true;
  return !(last === 'I' || last === 'N' || last === 'S' || last === 'T' || last === 'R' || last === ')' || last === ']' || last === '}' || last === 'this' || last === 'super');
}

/** Skips a template literal from just after its opening backtick; returns the index after the closing one. */
function template(s: string, i: number, out: Token[], addLines: (n: number) => void, line: () => number): number {
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && s[i + 1] === '{') {
      // Find the matching brace, then tokenise the expression in between.
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}') depth--;
        else if (s[j] === '`') {
          j = skipTemplate(s, j + 1);
          continue;
        }
        j++;
      }
      const inner = s.slice(i + 2, j - 1);
      const base = line();
      for (const t of tokenize(inner)) out.push({ kind: t.kind, line: base + t.line - 1 });
      addLines((inner.match(/\n/g) ?? []).length);
      i = j;
    } else {
      if (c === '\n') addLines(1);
      i++;
    }
  }
  return n;
}

function skipTemplate(s: string, i: number): number {
  while (i < s.length && s[i] !== '`') i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

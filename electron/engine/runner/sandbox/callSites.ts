// Where in the bundle a call came from, as structured call sites read in a private realm of their
// own: a function named like a stack line ("x\n    at suite-0.js:1:1") or an Error.prepareStackTrace
// set by the student's code cannot forge them, unlike a stack string.
import vm from 'node:vm';
import type { Frame } from './errors';

type Site = [file: string, line: number, column: number];

const capture = new vm.Script(
  `(() => {
    Error.stackTraceLimit = 64;
    Error.prepareStackTrace = (_, sites) =>
      sites.map((s) => [String(s.getFileName() ?? ''), Number(s.getLineNumber() ?? 0), Number(s.getColumnNumber() ?? 0)]);
    const take = () => {
      const holder = {};
      Error.captureStackTrace(holder, take);
      return holder.stack;
    };
    return take;
  })()`,
  { filename: 'harness-callsites.js' },
).runInContext(vm.createContext(Object.create(null))) as () => Site[];

/** Positions in the bundle `filename` on the current stack, innermost first (at most 12). */
export function bundleFrames(filename: string): Frame[] {
  const out: Frame[] = [];
  for (const [file, line, column] of capture()) {
    if (file === filename) out.push({ line, column });
    if (out.length === 12) break;
  }
  return out;
}

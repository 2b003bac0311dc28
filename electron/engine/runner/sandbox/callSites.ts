// Where in the bundle a call came from, as structured call sites read in a private realm of their
// own: a function named like a stack line ("x\n    at suite-0.js:1:1") or an Error.prepareStackTrace
// set by the student's code cannot forge them, unlike a stack string.
import vm from 'node:vm';
import type { Frame } from './errors';

/** Sites kept per capture: the innermost frames in the wanted file. */
const MAX_FRAMES = 12;

// Only the frames in the wanted file are turned into positions (a position costs V8 a look-up in the
// script's line table; the harness's own frames, about half the stack, need none), and no more than
// MAX_FRAMES of them.
const capture = new vm.Script(
  `(() => {
    Error.stackTraceLimit = 64;
    let wanted = '';
    Error.prepareStackTrace = (_, sites) => {
      const out = [];
      for (let i = 0; i < sites.length && out.length < ${MAX_FRAMES}; i++) {
        const s = sites[i];
        if (String(s.getFileName() ?? '') !== wanted) continue;
        out.push(Number(s.getLineNumber() ?? 0), Number(s.getColumnNumber() ?? 0));
      }
      return out;
    };
    const take = (file) => {
      wanted = file;
      const holder = {};
      Error.captureStackTrace(holder, take);
      return holder.stack;
    };
    return take;
  })()`,
  { filename: 'harness-callsites.js' },
).runInContext(vm.createContext(Object.create(null))) as (file: string) => number[];

/** Positions in the bundle `filename` on the current stack, innermost first (at most 12). */
export function bundleFrames(filename: string): Frame[] {
  const flat = capture(String(filename));
  const out: Frame[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ line: flat[i]!, column: flat[i + 1]! });
  return out;
}

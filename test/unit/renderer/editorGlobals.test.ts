// The editor's TypeScript knows exactly the global scope student code runs in: every global the test
// sandbox adds to a plain JavaScript realm is declared (no false "Cannot find name" under console.log),
// and a browser's globals, which the sandbox lacks, are not (the editor marks them before a run fails).
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createSandbox, OutputCapture } from '../../../electron/engine/runner/sandbox/globals';
import { EDITOR_LIB, SANDBOX_GLOBALS_DTS } from '../../../renderer/src/features/exercises/editor/sandboxGlobals';

/** Type-checks `code` as the editor does (the ES library it names plus the sandbox's declarations); the error texts. */
function editorErrors(code: string): string[] {
  const files: Record<string, string> = { '/student.ts': code, '/sandbox-globals.d.ts': SANDBOX_GLOBALS_DTS };
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, noEmit: true, types: [], lib: EDITOR_LIB.map((l) => `lib.${l}.d.ts`) };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name]!, version) : getSourceFile(name, version));
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The globals a sandbox context has beyond a fresh JavaScript realm (the runner's internal hooks left out). */
function sandboxOwnGlobals(): string[] {
  const sandbox = createSandbox({
    filename: 'probe.js',
    output: new OutputCapture(1000, { left: 1000 }),
    api: {},
    settle: async (value) => ({ ok: true, value }),
    timerTimeoutMs: 100,
    onRunaway: () => undefined,
    freezeModule: () => undefined,
  });
  try {
    // What the runner defines on the context object (seen from outside) and what its prelude adds inside.
    const inside = vm.runInContext('Object.getOwnPropertyNames(globalThis)', sandbox.context) as string[];
    const names = [...new Set([...Object.getOwnPropertyNames(sandbox.context), ...inside])];
    const plain = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', vm.createContext({})) as string[]);
    return names.filter((n) => !plain.has(n) && !n.startsWith('__'));
  } finally {
    sandbox.close();
  }
}

describe("the editor's global scope", () => {
  it('declares every global the sandbox gives student code', () => {
    const extra = sandboxOwnGlobals();
    expect(extra).toEqual(expect.arrayContaining(['setTimeout', 'crypto', 'structuredClone']));
    // V8 gives every realm a console (so it is not "extra"), which the sandbox replaces with its capture.
    const names = [...extra, 'console'];
    expect(editorErrors(names.map((n, i) => `export const probe${i} = typeof ${n};`).join('\n'))).toEqual([]);
  });

  it('type-checks the way students use them', () => {
    const code = [
      "console.log('paid', 3); console.error(new Error('x'));",
      'const t = setTimeout((n: number) => console.info(n), 10, 1); clearTimeout(t);',
      'const i = setInterval(() => undefined, 5); clearInterval(i);',
      'queueMicrotask(() => undefined);',
      'const id: string = crypto.randomUUID();',
      'const copy: { a: number[] } = structuredClone({ a: [1] });',
      'export const all = [id, copy, [1, 2].findLast((x) => x > 1)];',
    ].join('\n');
    expect(editorErrors(code)).toEqual([]);
  });

  it("marks a browser's or Node's globals, which the sandbox does not have", () => {
    const names = ['document', 'window', 'fetch', 'process', 'Buffer', 'localStorage'];
    const errors = editorErrors(names.map((n, i) => `export const probe${i} = typeof ${n};`).join('\n')).join('\n');
    for (const name of names) expect(errors, name).toMatch(new RegExp(`Cannot find name '${name}'`));
  });
});

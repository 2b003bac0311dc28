// The compiler's messages we word are recognised in the texts the installed esbuild really writes:
// real broken code goes through esbuild, and each message must map to its phrase (never to the
// "compiler says" fallback), so an esbuild upgrade that rewords a message fails here, not in class.
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compilerMessagePhrase } from '../../../electron/engine/runner/buildErrors';

/** esbuild's first error text for this code (a bundle, so a missing export is checked too). */
async function firstError(code: string): Promise<string> {
  try {
    await esbuild.build({
      stdin: { contents: code, loader: 'ts', sourcefile: 'Student.ts', resolveDir: '/' },
      bundle: true,
      write: false,
      logLevel: 'silent',
      plugins: [{
        name: 'one-module',
        setup(build) {
          build.onResolve({ filter: /^\.\/events$/ }, () => ({ path: 'events.ts', namespace: 'workspace' }));
          build.onLoad({ filter: /.*/, namespace: 'workspace' }, () => ({ contents: 'export const OrderPaid = 1;', loader: 'ts' }));
        },
      }],
    });
  } catch (err) {
    return (err as { errors: esbuild.Message[] }).errors[0]!.text;
  }
  throw new Error(`esbuild built ${JSON.stringify(code)} without an error`);
}

describe('the compiler messages we word', () => {
  it.each([
    ['export const x = 1 +;', 'buildUnexpected', { token: '";"' }],
    ['export function f() {', 'buildUnexpectedEnd', undefined],
    ['export const x = 1 2;', 'buildExpected', { expected: '";"', found: '"2"' }],
    ['export const class = 1;', 'buildExpectedName', { found: '"class"' }],
    ["export const s = 'abc;\n", 'buildUnterminatedString', undefined],
    ['export const s = 1; /* abc\n', 'buildUnterminatedComment', undefined],
    ['export const s = /abc\n;', 'buildUnterminatedRegex', undefined],
    ['let a = 1; let a = 2; export { a };', 'buildDeclaredTwice', { name: '"a"' }],
    ['export function f() { await g(); }', 'buildAwaitOutsideAsync', undefined],
    ['const a = 1; a = 2; export { a };', 'buildAssignConstant', { name: '"a"' }],
    ['export function f() { 1 = 2; }', 'buildInvalidAssignment', undefined],
    ["import { Nope } from './events'; export const x = Nope;", 'buildNoSuchExport', { module: '"events.ts"', name: '"Nope"' }],
    ["import { x } from 'left-pad-that-is-not-installed'; export { x };", 'buildCannotResolve', { module: '"left-pad-that-is-not-installed"' }],
  ])('%s', async (code, key, args) => {
    const p = compilerMessagePhrase(await firstError(code));
    expect(p.key).toBe(key);
    if (args) expect(p.args).toEqual(args);
  });

  it('shows any other message as the compiler’s own text', async () => {
    const text = await firstError('export const x = 08a;');
    expect(compilerMessagePhrase(text)).toEqual({ key: 'compilerSays', args: { text } });
  });

  it('takes the runner’s own rule from the error’s detail, and ignores a detail that is not one of our phrases', () => {
    const rule = { key: 'importInSandbox', args: { spec: "'node:fs'" } };
    expect(compilerMessagePhrase("cannot import 'node:fs' inside the sandbox", rule)).toBe(rule);
    expect(compilerMessagePhrase('Unexpected end of file', { key: 'no-such-key' }).key).toBe('buildUnexpectedEnd');
  });
});

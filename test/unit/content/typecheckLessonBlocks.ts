// Type-checks a lesson's TypeScript blocks with the compiler API, each block as its own module in an
// in-memory folder. A block with title="x.ts" is saved under that name so later blocks can import it
// ('./events'); '@engine/*' maps to electron/engine/* (e.g. '@engine/store', '@engine/domain/orders').
import path from 'node:path';
import ts from 'typescript';
import { extractCodeBlocks, isCheckedTypeScript, type LessonCodeBlock } from '../../../electron/engine/content/lessonCodeBlocks';

export interface BlockReport {
  block: LessonCodeBlock;
  fileName: string;
  errors: string[];
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function compilerOptions(): ts.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force, // every block is a module, even without import/export
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [path.join(repoRoot, 'node_modules/@types')],
    esModuleInterop: true,
    skipLibCheck: true,
    isolatedModules: true,
    noEmit: true,
    paths: {
      '@engine/*': [path.join(repoRoot, 'electron/engine/*')],
    },
  };
}

/** extraFiles: more virtual modules (name → source) compiled alongside, e.g. a compatibility check. */
export function typecheckLessonBlocks(markdown: string, virtualDirName: string, extraFiles: Record<string, string> = {}): BlockReport[] {
  // Inside the repository so that 'kafkajs', 'better-sqlite3' resolve from node_modules.
  const dir = path.join(repoRoot, 'test/unit/content/.virtual', virtualDirName);
  const virtual = new Map<string, string>();
  const blocks: { block: LessonCodeBlock; fileName: string }[] = [];
  for (const block of extractCodeBlocks(markdown).filter(isCheckedTypeScript)) {
    const name = block.attrs.title ?? `block-line-${block.line}.ts`;
    const fileName = path.join(dir, name);
    if (virtual.has(fileName)) throw new Error(`two TypeScript blocks are titled ${name} (second at line ${block.line})`);
    virtual.set(fileName, block.code);
    blocks.push({ block, fileName });
  }
  for (const [name, source] of Object.entries(extraFiles)) virtual.set(path.join(dir, name), source);

  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  // The virtual folder does not exist on disk; the resolver asks for it before looking for files in it.
  const { directoryExists } = host;
  host.directoryExists = (d) => dir.startsWith(d) || (directoryExists?.call(host, d) ?? true);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = virtual.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile.call(host, f, lang, onError, create);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const global = program.getOptionsDiagnostics().map(format);
  const report = (fileName: string): string[] => {
    const sf = program.getSourceFile(fileName);
    if (!sf) return [`${fileName} was not compiled`];
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map(format);
  };
  const reports = blocks.map(({ block, fileName }) => ({ block, fileName, errors: [...global, ...report(fileName)] }));
  for (const name of Object.keys(extraFiles)) {
    const fileName = path.join(dir, name);
    reports.push({ block: { lang: 'ts', info: name, flags: [], attrs: { title: name }, code: virtual.get(fileName)!, line: 0 }, fileName, errors: report(fileName) });
  }
  return reports;
}

function format(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${message}`;
}

// What the editor's TypeScript knows about the global scope: the ES2023 library (as the exercises'
// tsconfig.json) plus the few globals the test sandbox gives student code
// (electron/engine/runner/sandbox/globals.ts: console, timers, queueMicrotask, crypto, structuredClone).
// No browser library: `document` or `fetch` would fail in the sandbox, so the editor marks them, and the
// TypeScript worker reads 0.5 MB of declarations on start instead of 2.8 MB (its first check is about
// half the CPU, on a classroom PC's second core while the editor opens).

/** Compiler option `lib` of the editor's TypeScript worker. */
export const EDITOR_LIB = ['es2023'];

/** Declarations of the sandbox's own globals, given to the worker as an extra library file. */
export const SANDBOX_GLOBALS_URI = 'file:///__replayground/sandbox-globals.d.ts';
export const SANDBOX_GLOBALS_DTS = `// The test sandbox's globals (besides the ES2023 library).
interface SandboxConsole {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}
declare var console: SandboxConsole;
type SandboxTimer = number;
declare function setTimeout<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): SandboxTimer;
declare function setInterval<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): SandboxTimer;
declare function clearTimeout(timer: SandboxTimer | undefined): void;
declare function clearInterval(timer: SandboxTimer | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var crypto: {
  randomUUID(): \`\${string}-\${string}-\${string}-\${string}-\${string}\`;
  getRandomValues<T extends Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array>(array: T): T;
};
`;

// The call API inside the sandbox process: loads one bundle (the workspace plus a generated entry that
// hands the harness one module's namespace), calls one export with the input, and reports its return
// value as JSON text. The input is made in the sandbox's own realm (its JSON.parse, taken before any
// code ran), the value is serialized by the harness realm's JSON.stringify under the time limit, and
// nothing the code prints can reach the report (console output is captured separately).
import vm from 'node:vm';
import { errorMessage, framesOf, isTimeout, type Frame } from './errors';
import { safeGet } from './format';
import { createSandbox, OutputCapture, TIMEOUT } from './globals';
import { createFreezer } from './freeze';
import { settle } from './settle';

export type CallFailure = 'load' | 'not_a_function' | 'threw' | 'timeout' | 'not_json' | 'too_large';

export interface CallReport {
  status: 'ok' | 'error';
  /** The return value as JSON text; null when it was undefined or the call failed. */
  json: string | null;
  failure: CallFailure | null;
  message: string | null;
  /** A thrown error's `code` property, when it is a string (domain errors carry one). */
  errorCode: string | null;
  output: string | null;
  errorFrames: Frame[];
  /** Something ran into a time limit: the process must not be reused. */
  dirty: boolean;
}

export interface CallOptions {
  code: string;
  filename: string;
  exportName: string;
  /** The input as JSON text. */
  input: string;
  timeoutMs: number;
  outputCap: number;
  /** Characters of JSON the value may have. */
  resultCap: number;
}

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}… (truncated)` : s);

export async function runCall(opts: CallOptions): Promise<CallReport> {
  const { filename, timeoutMs } = opts;
  let dirty = false;
  const output = new OutputCapture(opts.outputCap, { left: opts.outputCap });
  let provided: unknown;
  let given = false;
  const api = Object.freeze({
    provide: (namespace: unknown) => {
      if (given) return;
      given = true;
      provided = namespace;
    },
  });
  const freezer = createFreezer((v) => intrinsics.isBuiltin(v));
  const sandbox = createSandbox({
    filename,
    output,
    api,
    settle,
    timerTimeoutMs: timeoutMs,
    onRunaway: () => {
      dirty = true;
    },
    freezeModule: (namespace) => freezer.freezeModule(namespace),
  });
  const intrinsics = sandbox.intrinsics;
  // The sandbox realm's own JSON.parse, before any code could replace it: the input is made of that realm.
  const parse = vm.runInContext('JSON.parse', sandbox.context) as (text: string) => unknown;
  const fail = (failure: CallFailure, message: string, err?: unknown): CallReport => {
    const code = err === undefined ? undefined : safeGet(err, 'code');
    return {
      status: 'error',
      json: null,
      failure,
      message: clip(message, 8000),
      errorCode: typeof code === 'string' ? code.slice(0, 200) : null,
      output: output.suiteText(),
      errorFrames: err === undefined ? [] : framesOf(safeGet(err, 'stack'), filename),
      dirty,
    };
  };
  try {
    try {
      sandbox.load(opts.code, filename, timeoutMs);
    } catch (err) {
      if (isTimeout(err)) {
        dirty = true;
        return fail('timeout', `loading the code took longer than ${timeoutMs} ms (an infinite loop at the top level?)`);
      }
      return fail('load', `the code could not be loaded: ${errorMessage(err)}`, err);
    }
    const fn = given && provided !== null && typeof provided === 'object' ? safeGet(provided, opts.exportName) : undefined;
    if (typeof fn !== 'function') return fail('not_a_function', `the module does not export a function '${opts.exportName}'`);
    const input = parse(opts.input);
    let value: unknown;
    const called = await sandbox.call(() => Reflect.apply(fn as (...a: unknown[]) => unknown, undefined, [input]), timeoutMs);
    if (called === TIMEOUT) {
      dirty = true;
      return fail('timeout', `the call did not finish within ${timeoutMs} ms (an infinite loop, or a promise that never settles?)`);
    }
    if (!called.ok) return fail('threw', errorMessage(called.error), called.error);
    value = called.value;
    // Serialized under the time limit: toJSON methods and getters are the code's own.
    let json: unknown;
    const serialized = await sandbox.call(() => {
      json = JSON.stringify(value);
    }, timeoutMs);
    if (serialized === TIMEOUT) {
      dirty = true;
      return fail('timeout', `turning the answer into JSON took longer than ${timeoutMs} ms`);
    }
    if (!serialized.ok) return fail('not_json', `the answer cannot be turned into JSON: ${errorMessage(serialized.error)}`, serialized.error);
    if (typeof json === 'string' && json.length > opts.resultCap) return fail('too_large', `the answer is larger than ${opts.resultCap} characters of JSON`);
    return {
      status: 'ok',
      json: typeof json === 'string' ? json : null,
      failure: null,
      message: null,
      errorCode: null,
      output: output.suiteText(),
      errorFrames: [],
      dirty,
    };
  } finally {
    sandbox.close();
  }
}

// Calling the student's code from the playground through the runner's call API: the source
// exercise's read-only files plus a small driver module (trusted, read-only) that imports the
// student's class and exports one function; the runner calls it in the sandbox with the input and
// hands back its answer checked against a zod schema, or a coded error. Nothing is written to disk.
import type { z } from 'zod';
import type { CallError, Runner } from '../runner';

/** Where the student's code runs: the engine's runner, the source exercise's read-only files, whose runs these are. */
export interface StudentCodeHost {
  runner: Runner;
  /** The source exercise's read-only workspace files: name → source. */
  readonly: Readonly<Record<string, string>>;
  /** The student's runs share sandbox processes only with the same owner's. */
  owner?: string;
}

export const DRIVER_FILE = 'playgroundDriver.ts';

export type StudentAnswer<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Calls `driver`'s export `exportName` with `input`, next to the student's files. */
export async function callStudentCode<T>(
  host: StudentCodeHost,
  driver: { source: string; exportName: string },
  files: Record<string, string>,
  input: unknown,
  output: z.ZodType<T>,
): Promise<StudentAnswer<T>> {
  const result = await host.runner.call({
    readonly: { ...host.readonly, [DRIVER_FILE]: driver.source },
    files,
    module: DRIVER_FILE,
    export: driver.exportName,
    input,
    output,
    limits: { timeoutMs: 3000, memoryMb: 128 },
    owner: host.owner,
  });
  return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
}

/** A short text for the UI about why the student's code gave no answer. */
export function whyNoAnswer(error: CallError): string {
  return error.message.slice(0, 1000);
}

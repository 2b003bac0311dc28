// The command-line shape grade and run-tests share: `--name value` or `--name=value` options,
// bare `--switch`es, positional arguments where the command takes them, and -h/--help.

/** A wrong command line; an empty message asks for the usage alone (--help). */
export class UsageError extends Error {}

export interface OptionSpec {
  /** Options that take a value. */
  values: readonly string[];
  /** Options that take none. */
  switches?: readonly string[];
  /** Whether arguments that are not options are allowed. */
  positional?: boolean;
}

export interface ParsedArgs {
  flags: Record<string, string>;
  switches: Set<string>;
  positional: string[];
}

export function parseOptions(argv: string[], spec: OptionSpec): ParsedArgs {
  const parsed: ParsedArgs = { flags: {}, switches: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') throw new UsageError('');
    if (!a.startsWith('--')) {
      if (!spec.positional) throw new UsageError(`unexpected argument '${a}'`);
      parsed.positional.push(a);
      continue;
    }
    if (spec.switches?.includes(a.slice(2))) {
      parsed.switches.add(a.slice(2));
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (!spec.values.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    parsed.flags[name] = value;
  }
  return parsed;
}

/**
 * Parses with `parse`; on a UsageError prints "<command>: <message>" and the usage to stderr and
 * returns the exit code instead (2, or 0 for --help).
 */
export function argsOrExitCode<T>(command: string, usage: string, parse: () => T): { args: T } | { exitCode: number } {
  try {
    return { args: parse() };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) process.stderr.write(`${command}: ${err.message}\n`);
    process.stderr.write(`${usage}\n`);
    return { exitCode: err.message ? 2 : 0 };
  }
}

// The given/when/then helper every exercise's suites share: given past events, when a command runs,
// then expect exactly these new events, or a refusal with a code and no trace of the command.
// It also owns the `details` a failing scenario carries, which the test runner copies next to the
// test (the workspace shows them side by side), and words every failure in the domain's terms:
// "expected PayOrder to be refused with INVALID_STATE, but it succeeded and recorded OrderPaid".
// Every failure also carries its words as a phrase (a code with parameters, common/phrase.ts), which
// the results panel and grading reports word in the reader's language; the English message stays for
// the CLI and plain vitest. Suites import it as '@engine/testing/givenWhenThen'; each exercise binds
// it to its own aggregate or handler in tests/support/.
import { expect } from 'vitest';
import { SCENARIO_DETAIL_KEYS as RUNNER_DETAIL_KEYS } from '../common/scenarioDetails';
import { englishOf, phrase, say, textPhrase, type Phrase, type PhraseArg } from '../common/phrase';

export { say, type Phrase, type PhraseArg };

/** What a failing scenario tells the runner. The runner copies these keys into the test's result. */
export interface ScenarioDetails {
  /** The events (or other facts) the scenario started from. */
  given: unknown;
  /** What ran: the command, the call, the delivery. */
  command: unknown;
  expected_events?: unknown[];
  actual_events?: unknown[];
  expected_error_code?: string | null;
  actual_error_code?: string | null;
  /** The state the subject should have kept (after a refusal), and the state it has. */
  expected_state?: unknown;
  actual_state?: unknown;
}

/** The keys of ScenarioDetails the runner reads from a failing test's error (defined once, in common). */
export const SCENARIO_DETAIL_KEYS = RUNNER_DETAIL_KEYS satisfies ReadonlyArray<keyof ScenarioDetails>;

/**
 * A failed scenario: a message in the domain's words and the details to show beside it. The message
 * may be a `say('english', 'русский')` text; `phrase` words it for any language (by default the
 * message itself, in the reader's half when it is a `say()` text).
 */
export class ScenarioFailure extends Error {
  readonly phrase: Phrase;
  constructor(
    message: string,
    readonly details: ScenarioDetails,
    phraseOfMessage?: Phrase,
  ) {
    super(englishOf(message));
    this.name = 'ScenarioFailure';
    this.phrase = phraseOfMessage ?? textPhrase(message);
  }
}

/**
 * A test author's own words in both languages, with parameters: `said('… but run() threw {{thrown}}',
 * '… но run() бросил {{thrown}}', { thrown: thrownWords(error) })`.
 */
export function said(en: string, ru: string, args: { [name: string]: PhraseArg } = {}): Phrase {
  return phrase('bilingual', { ...args, en, ru });
}

/** The phrase of an error caught from `expect` (the harness's carries one), else its message as written. */
function phraseOfCaught(error: unknown): Phrase {
  const own = (error as { phrase?: unknown } | null | undefined)?.phrase;
  if (own !== null && typeof own === 'object' && typeof (own as { key?: unknown }).key === 'string') return own as Phrase;
  return textPhrase(messageOf(error));
}

/** The `code` of a thrown domain error, or null. */
export function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  // The harness's assertion errors come from another realm: not `instanceof Error` here, but with a message.
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return error instanceof Error || (typeof error === 'object' && error !== null && typeof message === 'string') ? String(message) : String(error);
}

/** "OrderError INVALID_STATE: Cannot pay a cancelled order", or "Error (no code): not implemented". */
export function describeThrown(error: unknown): string {
  const name = error instanceof Error ? error.name || 'Error' : typeof error;
  const code = codeOf(error);
  return `${name} ${code ?? '(no code)'}: ${englishOf(messageOf(error))}`;
}

/** describeThrown as a phrase: the error's own message as written (the starters' "not implemented" worded). */
export function thrownWords(error: unknown): Phrase {
  const name = error instanceof Error ? error.name || 'Error' : typeof error;
  const code = codeOf(error);
  const own = messageOf(error);
  const message = textPhrase(own.length > 8000 ? `${own.slice(0, 8000)}… (truncated)` : own);
  return code === null ? phrase('thrownNoCode', { name, message }) : phrase('thrownDescribed', { name, code, message });
}

/** describeEvents as a phrase argument: the events' types are names from the code; "no event" is worded. */
export function eventsWords(events: readonly unknown[]): PhraseArg {
  return events.length === 0 ? phrase('noEvent') : describeEvents(events);
}

/** "OrderPaid v2, OrderShipped v3" or "no event". */
export function describeEvents(events: readonly unknown[]): string {
  if (events.length === 0) return 'no event';
  return events
    .map((event) => {
      const { type, version } = (event ?? {}) as { type?: unknown; version?: unknown };
      return `${typeof type === 'string' ? type : 'an event without a type'}${typeof version === 'number' ? ` v${version}` : ''}`;
    })
    .join(', ');
}

/**
 * Deep equality through the test framework's own `toEqual` (its realm, not the student's), reported
 * as a ScenarioFailure whose message starts with `message` and goes on with the differences.
 */
export function sameOrFail(actual: unknown, expected: unknown, message: string, details: ScenarioDetails, messagePhrase?: Phrase): void {
  try {
    expect(actual).toEqual(expected);
  } catch (error) {
    throw new ScenarioFailure(`${englishOf(message)}\n${messageOf(error)}`, details, phrase('lines', { lines: [messagePhrase ?? textPhrase(message), phraseOfCaught(error)] }));
  }
}

/**
 * Rebuilds the subject from the given events before a command runs; a failure here is reported as
 * one of replay (`apply` not handling an event), not of the command under test.
 */
export function rebuildOrFail<T>(history: unknown[], command: unknown, what: string, rebuild: () => T): T {
  try {
    return rebuild();
  } catch (error) {
    throw new ScenarioFailure(
      `rebuilding ${englishOf(what)} from the given events failed before the command ran (does apply handle every event?): ${describeThrown(error)}`,
      { given: history, command },
      phrase('gwtRebuildFailed', { what: textPhrase(what), thrown: thrownWords(error) }),
    );
  }
}

/** What running one command on a history gave. */
export interface Execution<Event, Result> {
  /** The subject after the command (an aggregate, a handler's answer), when there is one. */
  result: Result | undefined;
  /** What the command threw, or undefined. */
  error: unknown;
  /** The events the command recorded (or stored), in order. */
  events: Event[];
  /** A plain copy of the subject's state after the command, when the subject has state to compare. */
  state?: unknown;
}

/** How an exercise's subject runs a command: the part of given/when/then that differs per exercise. */
export interface ScenarioSubject<Event, Command, Result, Context> {
  /** Runs `command` on a subject built from `history`. Catches what the command throws into `error`. */
  execute(history: Event[], command: Command, context: Context | undefined): Execution<Event, Result>;
  /** The subject's state before the command, to compare after a refusal; omit when it keeps none. */
  stateBefore?(history: Event[], command: Command, context: Context | undefined): unknown;
  /** The command's name in messages, e.g. "PayOrder". */
  nameOf(command: Command): string;
}

export interface Then<Event, Result, Code extends string> {
  /** Expects exactly these new events; returns the result (the aggregate, the handler's answer) for further checks. */
  then(...expected: Event[]): Result;
  /** Expects a refusal with this code, and after it no event and no change of state. */
  thenFails(code: Code): void;
}

/** Binds the helper to one exercise's subject: `given(...history).when(command).then(...events)`. */
export function givenWhenThen<Event, Command, Result, Code extends string, Context = never>(
  subject: ScenarioSubject<Event, Command, Result, Context>,
) {
  return function given(...history: Event[]) {
    return {
      when(command: Command, context?: Context): Then<Event, Result, Code> {
        const name = subject.nameOf(command);
        const base = { given: history, command };
        return {
          then(...expected: Event[]): Result {
            const { result, error, events } = subject.execute(history, command, context);
            if (error !== undefined) {
              throw new ScenarioFailure(
                `expected ${name} to record ${describeEvents(expected)}, but it threw ${describeThrown(error)}`,
                { ...base, expected_events: expected, actual_events: events, actual_error_code: codeOf(error) },
                phrase('gwtThrew', { command: name, expected: eventsWords(expected), thrown: thrownWords(error) }),
              );
            }
            sameOrFail(
              events,
              expected,
              `expected ${name} to record ${describeEvents(expected)}, but it recorded ${describeEvents(events)} (differences below)`,
              { ...base, expected_events: expected, actual_events: events },
              phrase('gwtRecordedOther', { command: name, expected: eventsWords(expected), actual: eventsWords(events) }),
            );
            return result as Result;
          },

          thenFails(code: Code): void {
            const before = subject.stateBefore?.(history, command, context);
            const { error, events, state } = subject.execute(history, command, context);
            const details = { ...base, expected_error_code: code, actual_error_code: codeOf(error) };
            if (error === undefined) {
              throw new ScenarioFailure(
                `expected ${name} to be refused with ${code}, but it succeeded and recorded ${describeEvents(events)}`,
                { ...details, expected_events: [], actual_events: events },
                phrase('gwtSucceeded', { command: name, code, events: eventsWords(events) }),
              );
            }
            if (codeOf(error) !== code) {
              throw new ScenarioFailure(
                `expected ${name} to be refused with ${code}, but it threw ${describeThrown(error)}`,
                details,
                phrase('gwtWrongRefusal', { command: name, code, thrown: thrownWords(error) }),
              );
            }
            if (events.length > 0) {
              throw new ScenarioFailure(
                `${name} was refused with ${code} as expected, but it still recorded ${describeEvents(events)}`,
                { ...base, expected_events: [], actual_events: events },
                phrase('gwtStillRecorded', { command: name, code, events: eventsWords(events) }),
              );
            }
            if (before !== undefined && state !== undefined) {
              sameOrFail(
                state,
                before,
                `${name} was refused with ${code} as expected, but it changed the state anyway (differences below)`,
                { ...details, expected_state: before, actual_state: state },
                phrase('gwtChangedState', { command: name, code }),
              );
            }
          },
        };
      },
    };
  };
}

/**
 * Runs `action`, which must be refused by throwing an instance of `errorClass` with a readable
 * message; returns that error. Otherwise fails in the domain's words: "expected an AccountError to be
 * thrown, but withdraw() returned normally", "…, but it threw TypeError (no code): x is undefined".
 */
export function refusalOf<E extends Error>(
  action: () => unknown,
  errorClass: abstract new (...args: never[]) => E,
  what: string,
  details: Omit<ScenarioDetails, 'given' | 'command'> & Partial<Pick<ScenarioDetails, 'given' | 'command'>> = {},
): E {
  const errorA = `${/^[aeiou]/i.test(errorClass.name) ? 'an' : 'a'} ${errorClass.name}`;
  const expected = `expected ${errorA} to be thrown`;
  const base: ScenarioDetails = { given: details.given ?? null, command: details.command ?? what, ...details };
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  const words = { errorA, error: errorClass.name, what: textPhrase(what) };
  if (thrown === undefined) throw new ScenarioFailure(`${expected}, but ${englishOf(what)} returned normally`, base, phrase('refusalReturned', words));
  if (!(thrown instanceof errorClass)) {
    throw new ScenarioFailure(`${expected}, but ${englishOf(what)} threw ${describeThrown(thrown)}`, { ...base, actual_error_code: codeOf(thrown) }, phrase('refusalOther', { ...words, thrown: thrownWords(thrown) }));
  }
  if (thrown.message.trim().length === 0) {
    throw new ScenarioFailure(
      `${englishOf(what)} threw ${errorClass.name} ${codeOf(thrown) ?? ''} with an empty message; say what was wrong`,
      base,
      phrase('refusalEmptyMessage', { what: textPhrase(what), error: errorClass.name, code: codeOf(thrown) ?? '' }),
    );
  }
  return thrown;
}

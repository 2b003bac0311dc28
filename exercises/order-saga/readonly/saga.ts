// The saga's vocabulary: its steps in order, the entries it writes to its log, and the outcome
// that can always be read back from those entries.

/** The forward steps, in the order they run. Compensations run in the opposite order. */
export const STEPS = ['reserve-stock', 'take-payment', 'create-shipment'] as const;
export type StepName = (typeof STEPS)[number];

/** What the saga writes to its log, one entry per thing that happened. */
export type SagaEntry =
  /** A step succeeded; `result` is the id the service returned (reservation, payment, shipment). */
  | { type: 'StepCompleted'; step: StepName; result: string }
  /** A step's service call threw; nothing after it runs. */
  | { type: 'StepFailed'; step: StepName; error: string }
  /** A completed step was undone. */
  | { type: 'StepCompensated'; step: StepName }
  /** Undoing a completed step threw; someone has to look at it by hand. */
  | { type: 'CompensationFailed'; step: StepName; error: string }
  /** Every step succeeded. */
  | { type: 'SagaCompleted' }
  /** A step failed and every compensation was tried. */
  | { type: 'SagaAborted' };

export type SagaStatus = 'running' | 'completed' | 'compensated' | 'compensation-failed';

export interface SagaOutcome {
  sagaId: string;
  status: SagaStatus;
  /** The result of every completed step. */
  results: Partial<Record<StepName, string>>;
  failedStep: StepName | null;
  error: string | null;
  /** Steps undone, in the order their compensations ran. */
  compensated: StepName[];
  compensationFailures: Array<{ step: StepName; error: string }>;
}

/** The idempotency key of a step's forward call. Same saga, same step: same key, on every attempt. */
export function actionKey(sagaId: string, step: StepName): string {
  return `${sagaId}/${step}`;
}

/** The idempotency key of a step's compensation. */
export function compensationKey(sagaId: string, step: StepName): string {
  return `${sagaId}/${step}/undo`;
}

/** The text to record for something thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The outcome the log entries describe. */
export function summarize(sagaId: string, entries: readonly SagaEntry[]): SagaOutcome {
  const outcome: SagaOutcome = {
    sagaId,
    status: 'running',
    results: {},
    failedStep: null,
    error: null,
    compensated: [],
    compensationFailures: [],
  };
  for (const entry of entries) {
    switch (entry.type) {
      case 'StepCompleted':
        outcome.results[entry.step] = entry.result;
        break;
      case 'StepFailed':
        outcome.failedStep = entry.step;
        outcome.error = entry.error;
        break;
      case 'StepCompensated':
        outcome.compensated.push(entry.step);
        break;
      case 'CompensationFailed':
        outcome.compensationFailures.push({ step: entry.step, error: entry.error });
        break;
      case 'SagaCompleted':
        outcome.status = 'completed';
        break;
      case 'SagaAborted':
        outcome.status = outcome.compensationFailures.length > 0 ? 'compensation-failed' : 'compensated';
        break;
    }
  }
  return outcome;
}

// The saga tab's runs: the built-in saga (orchestrated or choreographed) and the student's OrderSaga
// run in the sandbox. Each run serves a fresh sample order, pays, ships or cancels it as the saga
// says, and stores its timeline in the saga's own stream; the newest 20 runs are kept.
import type { OrderCommand } from '../domain/orders';
import { newOrderId, type PlaygroundOrders } from './orders';
import { runSaga, type SagaMode, type SagaRun, type SagaStep, type SagaTimelineEntry } from './saga';
import { SAMPLE_TOTAL, samples, type SampleLanguage, type Samples } from './samples';
import type { SessionCore } from './sessionCore';
import { sagaTimeline, type ProbeAnswer, type SagaProbeReport, type StudentSagaInput } from './studentSaga';

const KEPT_RUNS = 20;

export class SagaRuns {
  private runs: SagaRun[] = [];

  constructor(
    private readonly core: SessionCore,
    private readonly orders: PlaygroundOrders,
  ) {}

  /** A refusal is fine (e.g. the order is already cancelled): the saga's timeline tells what happened. */
  private quietly(command: OrderCommand): void {
    try {
      this.orders.executeReference(command);
    } catch {
      // The outcome carries refusals; a closed store throws, and the timeline still stands.
    }
  }

  private newOrder(prefix: string, sample: Samples): { orderId: string; sagaId: string } {
    const orderId = newOrderId();
    this.orders.executeReference(sample.create(orderId, 'saga-customer'));
    return { orderId, sagaId: `${prefix}-${orderId}` };
  }

  private record(sagaId: string, entries: Record<string, unknown>[]): void {
    if (entries.length) this.core.store.appendToStream(`saga-${sagaId}`, entries.map((data) => ({ type: String(data.name), data: { sagaId, ...data } })));
  }

  /** The built-in saga over a new sample order whose names and addresses are in `lang`. */
  runBuiltin(mode: SagaMode, failAt: SagaStep | null, lang: SampleLanguage = 'en'): SagaRun {
    const sample = samples(lang);
    const { orderId, sagaId } = this.newOrder(mode === 'orchestrated' ? 'orch' : 'chor', sample);
    const run = runSaga({
      sagaId,
      orderId,
      mode,
      failAt,
      order: {
        pay: (id) => this.quietly(sample.pay(id, sagaId)),
        ship: (id) => this.quietly(sample.ship(id, sagaId)),
        cancel: (id, failedStep) => this.quietly(sample.cancelBySaga(id, sagaId, failedStep)),
      },
      record: (entry) => this.record(sagaId, [{ orderId, mode, ...entry }]),
    });
    return this.keep(run);
  }

  /**
   * The student's OrderSaga (or the exercise's reference solution), run in the sandbox by `probe`.
   * Its timeline is kept and stored like the built-in saga's; the order it served is paid, shipped
   * and cancelled as the services' answers and the saga's log say.
   */
  async runStudent(options: {
    failAt: SagaStep | null;
    failCompensation: boolean;
    source: 'draft' | 'solution';
    /** The language of the sample order's names and addresses. */
    lang?: SampleLanguage;
    probe: (input: StudentSagaInput) => Promise<ProbeAnswer<SagaProbeReport>>;
  }): Promise<SagaRun> {
    const sample = samples(options.lang);
    const { orderId, sagaId } = this.newOrder('mine', sample);
    const answer = await options.probe({ sagaId, orderId, failAt: options.failAt, failCompensation: options.failCompensation, amount: SAMPLE_TOTAL });
    const base = { sagaId, orderId, mode: 'orchestrated' as const, failAt: options.failAt, source: options.source, failCompensation: options.failCompensation };
    if (!answer.ok) return this.keep({ ...base, status: 'error', timeline: [], message: answer.message });
    const { timeline, status, effects, failedStep } = sagaTimeline(answer.report);
    const run: SagaRun = { ...base, status, timeline };
    if (this.core.closed) return run;
    if (effects.paid) this.quietly(sample.pay(orderId, sagaId));
    if (effects.shipped) this.quietly(sample.ship(orderId, sagaId));
    if (status === 'compensated' || status === 'compensation-failed') this.quietly(sample.cancelBySaga(orderId, sagaId, options.failAt ?? failedStep));
    this.record(sagaId, timeline.map((entry: SagaTimelineEntry) => ({ orderId, mode: 'orchestrated', source: options.source, ...entry })));
    return this.keep(run);
  }

  /** Keeps the newest runs, newest first. */
  private keep(run: SagaRun): SagaRun {
    this.runs.unshift(run);
    this.runs.length = Math.min(this.runs.length, KEPT_RUNS);
    this.core.changed('sagas');
    return run;
  }

  list(): SagaRun[] {
    return this.runs;
  }
}

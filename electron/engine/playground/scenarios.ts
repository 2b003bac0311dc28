// Ready-made scenarios, each a list of steps the UI can run one at a time or all at once.
// A step is a label (an i18n key plus parameters) and an action on the session.
import type { OrderCommand } from '../domain/orders';
import type { ScenarioId } from '../common/playground';
import { newOrderId, type CommandOutcome } from './orders';
import { SAMPLE_EXTRA_PRICE, SAMPLE_TOTAL, samples, type SampleLanguage, type Samples } from './samples';
export { SCENARIO_IDS, type ScenarioId } from '../common/playground';

export interface StepResult {
  outcomes: CommandOutcome[];
  note?: string;
}

export interface ScenarioStep {
  label: string;
  params: Record<string, string | number>;
  run(): Promise<StepResult> | StepResult;
}

/** What scenarios need from the session: its orders and the poison fault. */
export interface ScenarioHost {
  execute(command: OrderCommand): Promise<CommandOutcome>;
  concurrentEdit(orderId: string): { first: CommandOutcome; second: CommandOutcome };
  injectPoison(key: string): void;
  /** Delivers what is pending, then arms the commit-before-processing crash for the next records. */
  armCommitFirstCrash(): void;
  /** Delivers what is pending, then makes the next reader that gets records take too long over them. */
  armSlowConsumer(): void;
  /** Runs the commands with the relay keying by event type (a misconfigured producer), then restores it. */
  keyedByType(commands: OrderCommand[]): Promise<CommandOutcome[]>;
  bulkHappyPath(count: number): number;
  /** The order service without an outbox: store then send, or send then store; optionally dying between. */
  dualWrite(command: OrderCommand, order: 'store-first' | 'send-first', dieBetween: boolean): CommandOutcome;
  /** The order service restarts; with the outbox its relay resumes (and may die before its checkpoint). */
  restartService(orderId: string, outbox: boolean, relayDiesBeforeCheckpoint?: boolean): void;
  /** With the outbox: commit the command's events, then die before the relay runs. */
  commitThenDie(command: OrderCommand): CommandOutcome;
  /** Before a scenario starts: a service a previous scenario left down is started again. */
  recover(): void;
}

export function commandStep(label: string, host: ScenarioHost, command: OrderCommand): ScenarioStep {
  return { label, params: { orderId: 'orderId' in command ? String(command.orderId) : '' }, run: async () => ({ outcomes: [await host.execute(command)] }) };
}

export function buildScenario(id: ScenarioId, host: ScenarioHost, orderId: string, sample: Samples = samples('en')): ScenarioStep[] {
  const pay = sample.pay(orderId);
  switch (id) {
    case 'happy-path':
      return [
        commandStep('create', host, sample.create(orderId)),
        commandStep('pay', host, pay),
        commandStep('ship', host, sample.ship(orderId)),
        commandStep('deliver', host, { type: 'DeliverOrder', orderId }),
      ];
    case 'cancel-after-payment':
      return [
        commandStep('create', host, sample.create(orderId)),
        commandStep('pay', host, pay),
        commandStep('cancel', host, sample.cancelByCustomer(orderId)),
        commandStep('shipCancelled', host, sample.ship(orderId)),
      ];
    case 'concurrent-edit':
      return [
        commandStep('create', host, sample.create(orderId)),
        {
          label: 'twoUsers',
          params: { orderId },
          run: () => {
            const r = host.concurrentEdit(orderId);
            return { outcomes: [r.first, r.second] };
          },
        },
      ];
    case 'poison-message':
      return [
        commandStep('create', host, sample.create(orderId)),
        { label: 'poison', params: { orderId }, run: () => (host.injectPoison(`poison-${orderId}`), { outcomes: [] }) },
        commandStep('pay', host, pay),
      ];
    case 'commit-before-processing':
      return [
        commandStep('create', host, sample.create(orderId)),
        { label: 'commitFirst', params: { orderId }, run: () => (host.armCommitFirstCrash(), { outcomes: [] }) },
        commandStep('pay', host, pay),
      ];
    case 'slow-consumer':
      return [
        commandStep('create', host, sample.create(orderId)),
        { label: 'slowNext', params: { orderId }, run: () => (host.armSlowConsumer(), { outcomes: [] }) },
        commandStep('pay', host, pay),
      ];
    case 'wrong-key':
      return [
        {
          label: 'keyByType',
          params: { orderId },
          run: async () => ({
            outcomes: await host.keyedByType([
              sample.create(orderId),
              sample.addMouse(orderId),
              { type: 'PayOrder', orderId, paymentId: `pay-${orderId}`, paymentMethod: 'credit_card', amount: SAMPLE_TOTAL + SAMPLE_EXTRA_PRICE },
              sample.ship(orderId),
            ]),
          }),
        },
      ];
    case 'dual-write-crash':
      return [
        { label: 'dualCreate', params: { orderId }, run: () => ({ outcomes: [host.dualWrite(sample.create(orderId), 'store-first', false)] }) },
        { label: 'dualPayDies', params: { orderId }, run: () => ({ outcomes: [host.dualWrite(pay, 'store-first', true)] }) },
        { label: 'restartNoOutbox', params: { orderId }, run: () => (host.restartService(orderId, false), { outcomes: [] }) },
      ];
    case 'publish-then-crash':
      return [
        { label: 'dualCreate', params: { orderId }, run: () => ({ outcomes: [host.dualWrite(sample.create(orderId), 'store-first', false)] }) },
        { label: 'sendFirstPayDies', params: { orderId }, run: () => ({ outcomes: [host.dualWrite(pay, 'send-first', true)] }) },
        { label: 'restartNoOutbox', params: { orderId }, run: () => (host.restartService(orderId, false), { outcomes: [] }) },
      ];
    case 'outbox-crash':
      return [
        commandStep('create', host, sample.create(orderId)),
        { label: 'outboxPayDies', params: { orderId }, run: () => ({ outcomes: [host.commitThenDie(pay)] }) },
        { label: 'restartRelayDies', params: { orderId }, run: () => (host.restartService(orderId, true, true), { outcomes: [] }) },
        { label: 'restartRelay', params: { orderId }, run: () => (host.restartService(orderId, true), { outcomes: [] }) },
      ];
    case 'load-1000':
      return [{ label: 'load', params: { count: 1000 }, run: () => ({ outcomes: [], note: String(host.bulkHappyPath(250)) }) }];
  }
}

export interface ScenarioView {
  id: ScenarioId;
  orderId: string;
  steps: { label: string; params: Record<string, string | number> }[];
  next: number;
  results: StepResult[];
  /** Activity entries with a larger seq happened during the scenario. */
  activityFrom: number;
}

/** The session's current scenario: started, stepped one at a time or run to the end. */
export class ScenarioPlayer {
  private scenario: { id: ScenarioId; orderId: string; steps: ScenarioStep[]; next: number; results: StepResult[]; activityFrom: number } | undefined;

  constructor(
    private readonly host: ScenarioHost,
    private readonly changed: () => void,
    /** The activity log's newest seq now (where a scenario's story starts). */
    private readonly activitySeq: () => number = () => 0,
  ) {}

  /** Starts a scenario; its sample order's names and addresses are in `lang`. */
  start(id: ScenarioId, lang: SampleLanguage = 'en'): ScenarioView {
    this.host.recover();
    const orderId = newOrderId();
    this.scenario = { id, orderId, steps: buildScenario(id, this.host, orderId, samples(lang)), next: 0, results: [], activityFrom: this.activitySeq() };
    this.changed();
    return this.state()!;
  }

  state(): ScenarioView | undefined {
    const s = this.scenario;
    if (!s) return undefined;
    return { id: s.id, orderId: s.orderId, steps: s.steps.map(({ label, params }) => ({ label, params })), next: s.next, results: s.results, activityFrom: s.activityFrom };
  }

  async step(): Promise<StepResult | undefined> {
    const s = this.scenario;
    if (!s || s.next >= s.steps.length) return undefined;
    const result = await s.steps[s.next]!.run();
    s.results.push(result);
    s.next++;
    this.changed();
    return result;
  }

  async run(id: ScenarioId, lang: SampleLanguage = 'en'): Promise<StepResult[]> {
    this.start(id, lang);
    const out: StepResult[] = [];
    for (let r = await this.step(); r; r = await this.step()) out.push(r);
    return out;
  }
}

// The playground page's state and every call it makes to the engine: what the engine last told us
// (overview, the selected order's stream, read model, broker, sagas, bank), the last outcomes and
// the UI's choices. Views refresh on the engine's one `playground.changed {parts}` push, which the
// engine already coalesces: no second debounce here, and an action never refetches by itself (its
// push does), so each change costs one fetch per view. Built over an engine port so it runs
// against the bridge in the app and against the real engine in tests (Node: no DOM, no i18n here).
import type { StateCreator } from 'zustand';
import type { PlaygroundPart } from '@common/playground';
import { KAFKA_PORT_SETTING } from '@contract/methods/playground';
import type { MethodInput, MethodName, MethodOutput, TopicPayload } from '../../bridge/types';

/** What the store needs from the engine: calls and the playground's change push (and how the UI words an error). */
export interface PlaygroundEngine {
  invoke<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>>;
  onChanged(listener: (payload: TopicPayload<'playground.changed'>) => void): () => void;
  describeError(error: unknown): string;
}

export type Overview = MethodOutput<'playground.overview'>;
export type StreamData = MethodOutput<'playground.stream'>;
export type ReadModelData = MethodOutput<'playground.readModel'>;
export type ReadDetails = MethodOutput<'playground.readModelDetails'>;
export type BrokerData = MethodOutput<'playground.broker'>;
export type CommandOutcome = MethodOutput<'playground.command'>;
/** The last command's outcome and whose code decided it (the reference aggregate or the student's draft). */
export type DecidedOutcome = CommandOutcome & { decidedBy: 'reference' | 'student' };
export type ReadRow = { status: string; version: number } | null;
export type SagaRun = MethodOutput<'playground.sagaRun'>;
export type PlaygroundCommand = MethodInput<'playground.command'>['command'];
export type BankOverview = MethodOutput<'playground.bankOverview'>;
export type BankAccount = MethodOutput<'playground.bankAccount'>;
export type BankAnswer = MethodOutput<'playground.bankCommand'>;
export type BankCommand = MethodInput<'playground.bankCommand'>['command'];
export type KafkaStatus = MethodOutput<'playground.kafkaPort'>;
export type Tab = 'store' | 'broker' | 'readModel' | 'faults' | 'saga' | 'bank';
type ScenarioView = MethodOutput<'playground.scenarioStart'>;

export const RM_PAGE_SIZE = 50;

export interface PlaygroundState {
  tab: Tab;
  overview: Overview | null;
  selectedOrderId: string | null;
  stream: StreamData | null;
  readModel: ReadModelData | null;
  /** The read model's row of the selected order, asked for by id (the list shows one page only). */
  readDetails: ReadDetails;
  readRow: ReadRow;
  broker: BrokerData | null;
  sagas: SagaRun[];
  bank: BankOverview | null;
  bankAccountId: string;
  bankAccount: BankAccount | null;
  lastOutcome: DecidedOutcome | null;
  /** The read-model list's search and page. */
  rmQuery: string;
  rmPage: number;
  busy: boolean;
  error: string | null;

  /** Subscribes to the engine's pushes and loads every view; returns the unsubscribe. */
  start(): () => void;
  /** Refreshes the views that show `parts` (what the push said changed). */
  refresh(parts: readonly PlaygroundPart[]): Promise<void>;
  setTab(tab: Tab): void;
  select(orderId: string | null): void;
  setRmView(view: { query?: string; page?: number }): void;
  selectAccount(accountId: string): void;

  send(command: PlaygroundCommand): Promise<CommandOutcome | null>;
  setMyCode(enabled: boolean): Promise<MethodOutput<'playground.setMyCode'> | null>;
  reset(): Promise<void>;
  armCrash(armed: boolean): Promise<void>;
  setInbox(enabled: boolean): Promise<void>;
  injectPoison(): Promise<void>;
  concurrentEdit(orderId: string): Promise<MethodOutput<'playground.concurrentEdit'> | null>;
  rebuild(): Promise<void>;
  setDelay(ms: number): Promise<void>;
  addConsumer(): Promise<void>;
  removeConsumer(): Promise<void>;
  /** `lang`: the language of the sample order's names and addresses the scenario writes. */
  startScenario(id: ScenarioView['id'], lang?: 'ru' | 'en'): Promise<ScenarioView | null>;
  stepScenario(): Promise<void>;
  runScenario(id: ScenarioView['id'], lang?: 'ru' | 'en'): Promise<ScenarioView | null>;
  runSaga(input: MethodInput<'playground.sagaRun'>): Promise<void>;
  runMySaga(input: MethodInput<'playground.sagaRunMine'>): Promise<void>;
  bankCommand(command: BankCommand, code: 'reference' | 'mine'): Promise<BankAnswer | null>;
  takeSnapshot(orderId: string): Promise<void>;

  /** Reads a view keeps to itself (a window of the log, one version's state, a key's walk). */
  read: {
    globalLog(offset: number, limit: number): Promise<MethodOutput<'playground.globalLog'>>;
    stateAt(orderId: string, version: number): Promise<MethodOutput<'playground.stateAt'>>;
    loadWithSnapshot(orderId: string): Promise<MethodOutput<'playground.loadWithSnapshot'>>;
    explainKey(key: string): Promise<MethodOutput<'playground.explainKey'>>;
    orders(query: string, limit: number): Promise<MethodOutput<'playground.orders'>>;
    bankStateAt(accountId: string, version: number): Promise<MethodOutput<'playground.bankStateAt'>>;
    kafkaPort(): Promise<KafkaStatus>;
    kafkaSetting(): Promise<{ openOnStart?: unknown; port?: unknown } | null>;
  };
  /** The Kafka port card's calls: they answer with the port's status (errors are the card's to word). */
  kafka: {
    open(port: number): Promise<KafkaStatus>;
    close(): Promise<KafkaStatus>;
    saveSetting(value: { openOnStart: boolean; port: number }): Promise<void>;
  };
}

/** Which views each changed part of the engine invalidates (the overview shows the head, flags and activity: always). */
const VIEWS_OF: Record<PlaygroundPart, ('stream' | 'readModel' | 'broker' | 'sagas' | 'bank')[]> = {
  store: ['stream', 'bank'],
  broker: ['broker'],
  readModel: ['readModel'],
  session: ['readModel', 'broker'],
  sagas: ['sagas'],
  bank: ['bank'],
};

export const playgroundState =
  (engine: PlaygroundEngine): StateCreator<PlaygroundState> =>
  (set, get) => {
    const call = engine.invoke.bind(engine);
    const describeError = (e: unknown) => engine.describeError(e);
    /** Runs a load, keeping the first error for the page; a failed load leaves the old view. */
    async function load(fn: () => Promise<void>): Promise<void> {
      try {
        await fn();
      } catch (e) {
        set({ error: describeError(e) });
      }
    }
    /** Runs an action with the busy flag and error capture; the engine's push refreshes the views. */
    async function act<T>(fn: () => Promise<T>): Promise<T | null> {
      set({ busy: true });
      try {
        const r = await fn();
        set({ error: null });
        return r;
      } catch (e) {
        set({ error: describeError(e) });
        return null;
      } finally {
        set({ busy: false });
      }
    }
    const done = async (p: Promise<unknown>) => void (await p);

    const loaders = {
      overview: () =>
        load(async () => {
          const overview = await call('playground.overview', {});
          set({ overview, error: null });
          const selected = get().selectedOrderId;
          if (!selected && overview.orderIds[0]) get().select(overview.orderIds[0]);
          if (selected && overview.head === 0) set({ selectedOrderId: null, stream: null, readDetails: null, readRow: null });
        }),
      stream: () =>
        load(async () => {
          const id = get().selectedOrderId;
          if (!id) return set({ stream: null });
          const stream = await call('playground.stream', { orderId: id });
          if (get().selectedOrderId === id) set({ stream });
        }),
      readModel: () =>
        load(async () => {
          const id = get().selectedOrderId;
          const [readModel, details] = await Promise.all([
            call('playground.readModel', { page: get().rmPage, pageSize: RM_PAGE_SIZE, query: get().rmQuery }),
            id ? call('playground.readModelDetails', { orderId: id }) : Promise.resolve(null),
          ]);
          set({ readModel });
          if (get().selectedOrderId === id) set({ readDetails: details, readRow: details ? { status: details.state.status, version: details.state.version } : null });
        }),
      broker: () => load(async () => set({ broker: await call('playground.broker', { cellsPerPartition: 24 }) })),
      sagas: () => load(async () => set({ sagas: await call('playground.sagaList', {}) })),
      bank: () =>
        load(async () => {
          const bank = await call('playground.bankOverview', {});
          const wanted = get().bankAccountId;
          const current = wanted && bank.accountIds.includes(wanted) ? wanted : (bank.accountIds[0] ?? '');
          const bankAccount = current ? await call('playground.bankAccount', { accountId: current }) : null;
          set({ bank, bankAccountId: current, bankAccount });
        }),
    };

    return {
      tab: 'store',
      overview: null,
      selectedOrderId: null,
      stream: null,
      readModel: null,
      readDetails: null,
      readRow: null,
      broker: null,
      sagas: [],
      bank: null,
      bankAccountId: '',
      bankAccount: null,
      lastOutcome: null,
      rmQuery: '',
      rmPage: 1,
      busy: false,
      error: null,

      start() {
        const off = engine.onChanged(({ parts }) => void get().refresh(parts));
        void get().refresh(['store', 'broker', 'readModel', 'session', 'sagas', 'bank']);
        return off;
      },
      async refresh(parts) {
        const views = new Set(parts.flatMap((p) => VIEWS_OF[p]));
        await Promise.all([loaders.overview(), ...[...views].map((v) => loaders[v]())]);
      },
      setTab: (tab) => set({ tab }),
      select(orderId) {
        set({ selectedOrderId: orderId, stream: null, readDetails: null, readRow: null });
        void loaders.stream();
        void loaders.readModel();
      },
      setRmView(view) {
        set({ rmQuery: view.query ?? get().rmQuery, rmPage: view.page ?? (view.query !== undefined ? 1 : get().rmPage) });
        void loaders.readModel();
      },
      selectAccount(accountId) {
        set({ bankAccountId: accountId });
        void loaders.bank();
      },

      async send(command) {
        // The previous outcome goes at once: a refusal must never sit under an old green "accepted".
        set({ lastOutcome: null });
        const decidedBy = get().overview?.myCode ? 'student' : 'reference';
        const outcome = await act(() => call('playground.command', { command }));
        if (outcome) {
          // The write side is the command's own result: the selected order's stream shows the new
          // version together with the outcome, not a push later (the read side follows with the push).
          if (outcome.ok && outcome.orderId === get().selectedOrderId) await loaders.stream();
          set({ lastOutcome: { ...outcome, decidedBy } });
          if (outcome.ok && outcome.orderId !== get().selectedOrderId) get().select(outcome.orderId);
        }
        return outcome;
      },
      setMyCode: (enabled) => act(() => call('playground.setMyCode', { enabled })),
      async reset() {
        await act(() => call('playground.reset', { confirm: true }));
        set({ selectedOrderId: null, stream: null, readDetails: null, readRow: null, lastOutcome: null, bankAccountId: '' });
      },
      armCrash: (armed) => done(act(() => call('playground.armCrash', { armed }))),
      setInbox: (enabled) => done(act(() => call('playground.setInbox', { enabled }))),
      injectPoison: () => done(act(() => call('playground.injectPoison', { key: `poison-${Math.random().toString(16).slice(2, 8)}` }))),
      concurrentEdit: (orderId) => act(() => call('playground.concurrentEdit', { orderId })),
      rebuild: () => done(act(() => call('playground.rebuild', { confirm: true }))),
      setDelay: (ms) => done(act(() => call('playground.setDelay', { ms }))),
      addConsumer: () => done(act(() => call('playground.addConsumer', { groupId: 'read-model' }))),
      removeConsumer: () => done(act(() => call('playground.removeConsumer', { memberId: null }))),
      async startScenario(id, lang) {
        const s = await act(() => call('playground.scenarioStart', { id, lang }));
        if (s && id !== 'load-1000') get().select(s.orderId);
        return s;
      },
      stepScenario: () => done(act(() => call('playground.scenarioStep', {}))),
      async runScenario(id, lang) {
        const s = await act(() => call('playground.scenarioRunAll', { id, lang }));
        if (s && id !== 'load-1000') get().select(s.orderId);
        return s;
      },
      runSaga: (input) => done(act(() => call('playground.sagaRun', input))),
      runMySaga: (input) => done(act(() => call('playground.sagaRunMine', input))),
      async bankCommand(command, code) {
        const answer = await act(() => call('playground.bankCommand', { command, code }));
        if (answer?.outcome.accountId) set({ bankAccountId: answer.outcome.accountId });
        return answer;
      },
      takeSnapshot: (orderId) => done(act(() => call('playground.takeSnapshot', { orderId }))),

      read: {
        globalLog: (offset, limit) => call('playground.globalLog', { offset, limit }),
        stateAt: (orderId, version) => call('playground.stateAt', { orderId, version }),
        loadWithSnapshot: (orderId) => call('playground.loadWithSnapshot', { orderId }),
        explainKey: (key) => call('playground.explainKey', { key }),
        orders: (query, limit) => call('playground.orders', { query, offset: 0, limit }),
        bankStateAt: (accountId, version) => call('playground.bankStateAt', { accountId, version }),
        kafkaPort: () => call('playground.kafkaPort', {}),
        kafkaSetting: async () => (await call('settings.get', { key: KAFKA_PORT_SETTING })).value as { openOnStart?: unknown; port?: unknown } | null,
      },
      kafka: {
        open: (port) => call('playground.kafkaPortOpen', { port }),
        close: () => call('playground.kafkaPortClose', {}),
        saveSetting: (value) => done(call('settings.set', { key: KAFKA_PORT_SETTING, value })),
      },
    };
  };

export function formatMoney(cents: number): string {
  return (cents / 100).toFixed(2);
}

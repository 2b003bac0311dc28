// The playground page's state: what the engine last told us about the session (overview, the
// selected order's stream, read model, broker), the last command outcome, and the UI's choices.
// Pushes trigger refreshes, throttled so a burst of commands costs a few requests, not thousands.
import { create } from 'zustand';
import { invoke, type MethodInput, type MethodOutput } from '../../bridge';
import { describeError } from '../../i18n/describeError';

export type Overview = MethodOutput<'playground.overview'>;
export type StreamData = MethodOutput<'playground.stream'>;
export type ReadModelData = MethodOutput<'playground.readModel'>;
export type BrokerData = MethodOutput<'playground.broker'>;
export type CommandOutcome = MethodOutput<'playground.command'>;
/** The last command's outcome and whose code decided it (the reference aggregate or the student's draft). */
export type DecidedOutcome = CommandOutcome & { decidedBy: 'reference' | 'student' };
export type ReadRow = { status: string; version: number } | null;
export type SagaRun = MethodOutput<'playground.sagaRun'>;
export type PlaygroundCommand = MethodInput<'playground.command'>['command'];
export type Tab = 'store' | 'broker' | 'readModel' | 'faults' | 'saga' | 'bank';

interface PlaygroundState {
  tab: Tab;
  overview: Overview | null;
  selectedOrderId: string | null;
  stream: StreamData | null;
  readModel: ReadModelData | null;
  broker: BrokerData | null;
  sagas: SagaRun[];
  lastOutcome: DecidedOutcome | null;
  /** The read model's row of the selected order, asked for by id (the list shows one page only). */
  readRow: ReadRow;
  /** The read-model list's search and page. */
  rmQuery: string;
  rmPage: number;
  setRmView(view: { query?: string; page?: number }): void;
  busy: boolean;
  error: string | null;
  setTab(tab: Tab): void;
  select(orderId: string | null): void;
  refreshOverview(): Promise<void>;
  refreshStream(): Promise<void>;
  refreshReadModel(): Promise<void>;
  refreshBroker(): Promise<void>;
  refreshSagas(): Promise<void>;
  refreshAll(): Promise<void>;
  send(command: PlaygroundCommand): Promise<CommandOutcome | null>;
  /** Runs an engine call with the busy flag and error capture, then refreshes everything. */
  act<T>(fn: () => Promise<T>): Promise<T | null>;
}


export const usePlayground = create<PlaygroundState>((set, get) => ({
  tab: 'store',
  overview: null,
  selectedOrderId: null,
  stream: null,
  readModel: null,
  broker: null,
  sagas: [],
  lastOutcome: null,
  readRow: null,
  rmQuery: '',
  rmPage: 1,
  setRmView(view) {
    set({ rmQuery: view.query ?? get().rmQuery, rmPage: view.page ?? (view.query !== undefined ? 1 : get().rmPage) });
    void get().refreshReadModel();
  },
  busy: false,
  error: null,
  setTab: (tab) => set({ tab }),
  select(orderId) {
    set({ selectedOrderId: orderId, stream: null, readRow: null });
    void get().refreshStream();
    void get().refreshReadModel();
  },
  async refreshOverview() {
    try {
      const overview = await invoke('playground.overview', {});
      set({ overview, error: null });
      if (!get().selectedOrderId && overview.orderIds[0]) get().select(overview.orderIds[0]);
      if (get().selectedOrderId && !overview.orderIds.includes(get().selectedOrderId!) && overview.head === 0) set({ selectedOrderId: null, stream: null });
    } catch (e) {
      set({ error: describeError(e) });
    }
  },
  async refreshStream() {
    const id = get().selectedOrderId;
    if (!id) return set({ stream: null });
    try {
      const stream = await invoke('playground.stream', { orderId: id });
      if (get().selectedOrderId === id) set({ stream });
    } catch (e) {
      set({ error: describeError(e) });
    }
  },
  async refreshReadModel() {
    const id = get().selectedOrderId;
    try {
      const [readModel, details] = await Promise.all([
        invoke('playground.readModel', { page: get().rmPage, pageSize: RM_PAGE_SIZE, query: get().rmQuery }),
        id ? invoke('playground.readModelDetails', { orderId: id }) : Promise.resolve(null),
      ]);
      set({ readModel });
      if (get().selectedOrderId === id) set({ readRow: details ? { status: details.state.status, version: details.state.version } : null });
    } catch (e) {
      set({ error: describeError(e) });
    }
  },
  async refreshBroker() {
    try {
      set({ broker: await invoke('playground.broker', { cellsPerPartition: 24 }) });
    } catch (e) {
      set({ error: describeError(e) });
    }
  },
  async refreshSagas() {
    try {
      set({ sagas: await invoke('playground.sagaList', {}) });
    } catch (e) {
      set({ error: describeError(e) });
    }
  },
  async refreshAll() {
    const s = get();
    await Promise.all([s.refreshOverview(), s.refreshStream(), s.refreshReadModel(), s.refreshBroker(), s.refreshSagas()]);
  },
  async send(command) {
    // The previous outcome goes at once: a refusal must never sit under an old green "accepted".
    set({ busy: true, lastOutcome: null });
    const decidedBy = get().overview?.myCode ? 'student' : 'reference';
    try {
      const outcome = await invoke('playground.command', { command });
      set({ lastOutcome: { ...outcome, decidedBy }, error: null });
      if (outcome.ok && outcome.orderId !== get().selectedOrderId) get().select(outcome.orderId);
      await get().refreshAll();
      return outcome;
    } catch (e) {
      set({ error: describeError(e) });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  async act(fn) {
    set({ busy: true });
    try {
      const r = await fn();
      set({ error: null });
      await get().refreshAll();
      return r;
    } catch (e) {
      set({ error: describeError(e) });
      return null;
    } finally {
      set({ busy: false });
    }
  },
}));

export const RM_PAGE_SIZE = 50;

/** Calls fn at most once per `ms`, always running the last call (trailing edge). */
export function throttle(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  const throttled = () => {
    if (timer) return;
    const wait = Math.max(0, ms - (Date.now() - last));
    timer = setTimeout(run, wait);
  };
  throttled.cancel = () => timer && clearTimeout(timer);
  return throttled;
}

export function formatMoney(cents: number): string {
  return (cents / 100).toFixed(2);
}

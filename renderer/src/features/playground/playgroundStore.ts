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
  lastOutcome: CommandOutcome | null;
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
  busy: false,
  error: null,
  setTab: (tab) => set({ tab }),
  select(orderId) {
    set({ selectedOrderId: orderId, stream: null });
    void get().refreshStream();
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
    try {
      set({ readModel: await invoke('playground.readModel', { page: 1, pageSize: 100 }) });
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
    set({ busy: true });
    try {
      const outcome = await invoke('playground.command', { command });
      set({ lastOutcome: outcome, error: null });
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

// Creates the engine: context, service, dispatcher and the push bus. Both shells and the tests
// start here; nothing in the engine imports electron or the DOM.
import fs from 'node:fs';
import path from 'node:path';
import { topics, type TopicName, type TopicPayload } from './contract';
import type { EngineContext } from './context';
import { createDispatcher, type Dispatch } from './dispatch';
import type { Service } from './handler';
import { createService } from './service';
import { withProgressDb } from '../progress';
import { openProfileSession, type ProfileSession } from '../profiles';
import { projectRoot } from '../projectRoot';
import type { DesktopShell } from './desktopShell';

export type PushListener = (topic: TopicName, payload: unknown) => void;

export interface Engine {
  readonly ctx: EngineContext;
  readonly service: Service;
  readonly dispatch: Dispatch;
  /** Listen to every push; returns an unsubscribe function. */
  onPush(listener: PushListener): () => void;
  close(): Promise<void>;
}

export interface EngineOptions {
  dataDir: string | ':memory:';
  shell: EngineContext['shell'];
  resourcesDir?: string;
  appVersion?: string;
  /** The desktop shell's native dialogs (Electron only). */
  desktop?: DesktopShell;
}


export function createEngine(options: EngineOptions): Engine {
  const listeners = new Set<PushListener>();
  const closers: Array<() => void | Promise<void>> = [];
  const resourcesDir = options.resourcesDir ?? projectRoot();
  const dataDir = options.dataDir === ':memory:' ? ':memory:' : path.resolve(options.dataDir);
  if (dataDir !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
  let ctx!: EngineContext;
  let profiles!: ProfileSession;
  // The data folder's progress.sqlite is the machine's: its settings and the list of profiles; each
  // profile's progress lives in profiles/<id>/progress.sqlite. A machine file whose tables have an
  // unexpected shape is moved aside and everything is built again on a fresh one, so the host always starts.
  const { progress: machine, value: service } = withProgressDb(dataDir, (machineDb) => {
    profiles = openProfileSession(dataDir, machineDb);
    ctx = {
      dataDir,
      resourcesDir,
      shell: options.shell,
      appVersion: options.appVersion ?? readVersion(resourcesDir),
      get progress() {
        return profiles.db();
      },
      profiles,
      machine: machineDb,
      desktop: options.desktop,
      push<T extends TopicName>(topic: T, payload: TopicPayload<T>) {
        const checked = topics[topic].parse(payload);
        for (const listener of listeners) listener(topic, checked);
      },
      onClose(fn) {
        closers.push(fn);
      },
    };
    return createService(ctx);
  });
  return {
    ctx,
    service,
    dispatch: createDispatcher(service),
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const fn of closers.splice(0).reverse()) await fn(); // each closer runs once, last registered first
      profiles.close();
      machine.close();
      listeners.clear();
    },
  };
}

function readVersion(root: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

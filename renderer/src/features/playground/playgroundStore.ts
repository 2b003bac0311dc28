// The playground store the page uses: its state and engine calls (playgroundState.ts) bound to the
// app's bridge, so the components never call the engine themselves.
import { create } from 'zustand';
import { invoke, subscribe } from '../../bridge';
import { describeError } from '../../i18n/describeError';
import { playgroundState } from './playgroundState';

export * from './playgroundState';

export const usePlayground = create(playgroundState({ invoke, onChanged: (listener) => subscribe('playground.changed', listener), describeError }));

// The preload (bundled to one CommonJS file): exposes exactly window.replayground = { invoke, subscribe },
// only for method and topic names that exist in the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { exposedApi } from './exposedApi';

contextBridge.exposeInMainWorld('replayground', exposedApi(ipcRenderer));

// Whether the engine answers; shown in the status line.
import { create } from 'zustand';
import { invoke, onConnectionChange, transportKind } from '../bridge';

interface ConnectionState {
  connected: boolean;
  transport: 'ipc' | 'http';
  version: string | null;
}

export const useConnection = create<ConnectionState>(() => ({ connected: false, transport: transportKind(), version: null }));

onConnectionChange((connected) => useConnection.setState({ connected }));
invoke('app.info', {})
  .then((info) => useConnection.setState({ connected: true, version: info.version }))
  .catch(() => useConnection.setState({ connected: false }));

// IPC derived from the contract: one ipcMain handler per method (channel `rg:<method>`), each checking that
// the sender is our own app:// page, and pushes sent to the window on `rg:push`.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../engine/api/contract';
import type { Dispatch, DispatchResult } from '../engine/api/dispatch';
import { isAppUrl } from './security';

export const INVOKE_PREFIX = 'rg:';
export const PUSH_CHANNEL = 'rg:push';

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): string[] {
  const channels: string[] = [];
  for (const name of methodNames) {
    const channel = INVOKE_PREFIX + name;
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<DispatchResult> => {
      if (!isAppUrl(event.senderFrame?.url)) {
        return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN_ORIGIN', message: 'IPC is only accepted from the app itself' } });
      }
      return dispatch(name, input);
    });
    channels.push(channel);
  }
  return channels;
}

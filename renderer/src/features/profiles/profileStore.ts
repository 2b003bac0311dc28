// Who is working: the engine's profile list, and the one way to change it. Changing the profile of a
// running app first hides the pages (their unmount flushes autosaves), waits until no call is in flight,
// then tells the engine and reloads, so no store keeps the previous student's data on screen.
import { create } from 'zustand';
import { EngineError, invoke, whenIdle, type MethodOutput } from '../../bridge';

export type ProfileView = MethodOutput<'profiles.list'>['profiles'][number];

interface ProfilesState {
  loaded: boolean;
  loadError: string | null;
  profiles: ProfileView[];
  activeId: string | null;
  confirmed: boolean;
  migratedId: string | null;
  /** A change is under way: the pages are hidden until the reload. */
  switching: boolean;
}

export const useProfiles = create<ProfilesState>(() => ({
  loaded: false,
  loadError: null,
  profiles: [],
  activeId: null,
  confirmed: false,
  migratedId: null,
  switching: false,
}));

export async function loadProfiles(): Promise<void> {
  try {
    const list = await invoke('profiles.list', {});
    useProfiles.setState({ ...list, loaded: true, loadError: null });
  } catch (err) {
    useProfiles.setState({ loadError: (err as Error).message });
  }
}

export function activeProfile(state: ProfilesState = useProfiles.getState()): ProfileView | null {
  return state.profiles.find((p) => p.id === state.activeId) ?? null;
}

/**
 * Runs a change of who is working. Before anyone has picked (the start screen) nothing of a profile is
 * on screen, so the list is just reloaded; in a running app the page is reloaded after the change.
 */
export async function changeProfile(action: () => Promise<unknown>): Promise<void> {
  if (!useProfiles.getState().confirmed) {
    await action();
    await loadProfiles();
    return;
  }
  useProfiles.setState({ switching: true });
  try {
    // Let React unmount the pages (their cleanup starts the last autosave), then wait for it to land.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await whenIdle();
    await action();
  } catch (err) {
    useProfiles.setState({ switching: false });
    throw err;
  }
  window.location.reload();
}

export const pickProfile = (id: string) => changeProfile(() => invoke('profiles.select', { id }));
export async function createProfile(name: string, studentId: string): Promise<void> {
  // Checked here too, so the form can say so while it is still on screen (the engine checks again).
  const taken = useProfiles.getState().profiles.some((p) => p.name?.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (taken) throw new EngineError({ code: 'PROFILE_NAME_TAKEN', message: `A profile named "${name}" already exists.`, details: { params: { name } } });
  await changeProfile(() => invoke('profiles.create', { name, studentId: studentId || undefined }));
}
export const removeProfile = (id: string) => changeProfile(() => invoke('profiles.remove', { id }));

export async function updateProfile(id: string, name: string, studentId: string): Promise<void> {
  await invoke('profiles.update', { id, name, studentId: studentId || undefined });
  await loadProfiles();
}

// Light and dark themes following the OS, with a remembered override.
import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'replayground.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');

function resolve(choice: ThemeChoice): 'light' | 'dark' {
  return choice === 'system' ? (media.matches ? 'dark' : 'light') : choice;
}

interface ThemeState {
  choice: ThemeChoice;
  resolved: 'light' | 'dark';
  setChoice(choice: ThemeChoice): void;
}

const initial = (localStorage.getItem(STORAGE_KEY) as ThemeChoice | null) ?? 'system';

export const useTheme = create<ThemeState>((set) => ({
  choice: initial,
  resolved: resolve(initial),
  setChoice(choice) {
    localStorage.setItem(STORAGE_KEY, choice);
    set({ choice, resolved: resolve(choice) });
  },
}));

media.addEventListener('change', () => {
  const { choice } = useTheme.getState();
  useTheme.setState({ resolved: resolve(choice) });
});

function apply(resolved: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
}
apply(useTheme.getState().resolved);
useTheme.subscribe((s) => apply(s.resolved));

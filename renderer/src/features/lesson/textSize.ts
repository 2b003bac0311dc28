// The lesson's text size (for projectors and tired eyes), remembered on this machine. Browser zoom works too.
import { create } from 'zustand';

const KEY = 'replayground.lesson.textSize';
export const TEXT_SIZES = [0.9, 1, 1.15, 1.3, 1.5, 1.75] as const;

function initial(): number {
  const saved = Number(localStorage.getItem(KEY));
  return TEXT_SIZES.includes(saved as (typeof TEXT_SIZES)[number]) ? saved : 1;
}

export const useTextSize = create<{ scale: number; step(delta: number): void; reset(): void }>((set, get) => ({
  scale: initial(),
  step(delta) {
    const i = TEXT_SIZES.indexOf(get().scale as (typeof TEXT_SIZES)[number]);
    const next = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, (i < 0 ? 1 : i) + delta))];
    localStorage.setItem(KEY, String(next));
    set({ scale: next });
  },
  reset() {
    localStorage.setItem(KEY, '1');
    set({ scale: 1 });
  },
}));

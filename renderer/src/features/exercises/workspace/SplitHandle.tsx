// A drag handle between the editor and the results: students choose how much of each they see.
// The split is remembered; arrow keys move it too.
import { useEffect, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

const KEY = 'replayground.exercises.resultsShare';
const MIN = 0.15;
const MAX = 0.85;

function clamp(x: number): number {
  return Math.min(MAX, Math.max(MIN, x));
}

/** The share of the column the results panel takes (0..1), remembered between sessions. */
export function useResultsShare(): [number, (share: number) => void] {
  const [share, setShare] = useState(() => {
    const saved = Number(localStorage.getItem(KEY));
    return saved > 0 ? clamp(saved) : 0.42;
  });
  useEffect(() => localStorage.setItem(KEY, String(share)), [share]);
  return [share, (s) => setShare(clamp(s))];
}

export function SplitHandle({ share, onChange }: { share: number; onChange(share: number): void }) {
  const { t } = useTranslation('exercises');
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const column = e.currentTarget.parentElement;
    if (!column) return;
    e.preventDefault();
    const rect = column.getBoundingClientRect();
    const move = (ev: PointerEvent) => onChange((rect.bottom - ev.clientY) / rect.height);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div
      className="ex-split"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('ws.resize')}
      aria-valuemin={MIN * 100}
      aria-valuemax={MAX * 100}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp') onChange(share + 0.05);
        else if (e.key === 'ArrowDown') onChange(share - 0.05);
        else return;
        e.preventDefault();
      }}
    />
  );
}

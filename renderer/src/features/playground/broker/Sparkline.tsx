// A tiny lag-over-time line (SVG, no library).
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const w = 120;
  const h = 24;
  if (values.length < 2) return <svg width={w} height={h} role="img" aria-label={label} className="pg-spark" />;
  const max = Math.max(1, ...values);
  const pts = values.map((v, i) => `${((i / (values.length - 1)) * w).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(' ');
  return (
    <svg width={w} height={h} role="img" aria-label={label} className="pg-spark">
      <polyline points={pts} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

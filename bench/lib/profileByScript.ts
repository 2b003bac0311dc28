// Splits a V8 CPU profile (CDP Profiler.stop's profile) by the script that was running: the self time
// of every sample, grouped by the script's file name without the build's content hash, so the UI bench
// can say which chunk (mermaid, the app, React…) a page's main thread spent its time in. Pure.

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** `assets/mermaid.core-Bx2_a9Qz.js` → `mermaid.core`; V8's own entries ((idle), (program), (garbage collector)) stay. */
export function scriptName(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.split(/[?#]/)[0]!.split('/').pop() ?? url;
  return file.replace(/-[A-Za-z0-9_-]{6,12}(\.m?js)$/, '$1').replace(/\.m?js$/, '') || url;
}

/** Milliseconds of self time per script, biggest first; `(idle)` is left out. */
export function timeByScript(profile: CpuProfile): Array<[string, number]> {
  const nameOf = new Map(profile.nodes.map((n) => [n.id, scriptName(n.callFrame.url, n.callFrame.functionName)]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const total = new Map<string, number>();
  // A sample's time is the gap to the next sample (the last one has none to measure).
  for (let i = 0; i + 1 < samples.length; i++) {
    const name = nameOf.get(samples[i]!) ?? '(unknown)';
    total.set(name, (total.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  total.delete('(idle)');
  return [...total].sort((a, b) => b[1] - a[1]);
}

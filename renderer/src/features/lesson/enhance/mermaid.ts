// Mermaid diagrams, loaded on first use and drawn offline. A diagram is drawn for the current theme; a
// drawing is kept for the window's life by (source, theme, language), so coming back to the lesson or
// switching the theme back shows it again without a second layout. A diagram that fails shows its source
// and Mermaid's message.
type MermaidApi = typeof import('mermaid').default;

let mermaidModule: Promise<MermaidApi> | null = null;
let configuredFor: string | null = null;
let counter = 0;
/** Drawn SVGs (markup and id) for the window's life; a few hundred KB for a whole course. */
const drawn = new Map<string, { svg: string; id: string }>();

function load(): Promise<MermaidApi> {
  mermaidModule ??= import('mermaid').then((m) => m.default);
  return mermaidModule;
}

function configure(mermaid: MermaidApi, theme: 'light' | 'dark'): void {
  if (configuredFor === theme) return;
  const styles = getComputedStyle(document.documentElement);
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    theme: theme === 'dark' ? 'dark' : 'default',
    fontFamily: styles.getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif',
    // The dark theme's edge-label box (#585858) leaves its #ccc text under 4.5:1: a darker box.
    themeVariables: theme === 'dark' ? { darkMode: true, background: 'transparent', edgeLabelBackground: '#2a3446' } : { background: 'transparent' },
    flowchart: { htmlLabels: true, useMaxWidth: true },
    sequence: { useMaxWidth: true },
  });
  configuredFor = theme;
}

export interface MermaidLabels {
  error: string;
}

/** Draws the given diagram blocks for `theme`, one after another (from the cache where it has them). */
export async function renderDiagrams(
  blocks: HTMLElement[],
  theme: 'light' | 'dark',
  labels: MermaidLabels,
  isCancelled: () => boolean,
): Promise<void> {
  for (const block of blocks) {
    if (isCancelled()) return;
    const source = block.querySelector('.mermaid-source')?.textContent ?? '';
    const key = `${theme}\u0000${block.closest('[lang]')?.getAttribute('lang') ?? ''}\u0000${source}`;
    const kept = drawn.get(key);
    // The SVG's styles are scoped by its id: a kept drawing already on the page (the same source twice) is drawn anew.
    if (kept && !document.getElementById(kept.id)) {
      show(block, kept.svg, theme);
      continue;
    }
    const mermaid = await load();
    if (isCancelled()) return;
    configure(mermaid, theme);
    const id = `mermaid-${++counter}`;
    try {
      // Mermaid's bindFunctions (click handlers and node tooltips) are left out: the strict security level
      // turns click handlers off, the lessons' diagrams have no tooltips, and its mouse-out handler calls a
      // d3 transition that may not be loaded yet when diagrams are drawn one by one (a page error).
      const { svg } = await mermaid.render(id, source);
      if (isCancelled()) return;
      drawn.set(key, { svg, id });
      show(block, svg, theme);
    } catch (err) {
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove(); // Mermaid's scratch container, left behind on failure
      showError(block, labels, err);
    }
  }
}

function show(block: HTMLElement, svg: string, theme: 'light' | 'dark'): void {
  let output = block.querySelector<HTMLElement>('.mermaid-output');
  if (!output) {
    output = document.createElement('div');
    output.className = 'mermaid-output';
    block.prepend(output);
  }
  output.innerHTML = svg;
  keepLegible(output.querySelector('svg'));
  block.querySelector('.mermaid-status')?.remove();
  block.querySelector('.mermaid-error')?.remove();
  block.querySelector<HTMLElement>('.mermaid-source')!.hidden = true;
  block.dataset.mermaid = 'done';
  block.dataset.theme = theme;
}

function showError(block: HTMLElement, labels: MermaidLabels, err: unknown): void {
  block.querySelector('.mermaid-status')?.remove();
  block.querySelector('.mermaid-output')?.remove();
  let box = block.querySelector<HTMLElement>('.mermaid-error');
  if (!box) {
    box = document.createElement('div');
    box.className = 'mermaid-error';
    box.setAttribute('role', 'alert');
    block.prepend(box);
  }
  const message = err instanceof Error ? err.message : String(err);
  box.textContent = '';
  const title = document.createElement('strong');
  title.textContent = labels.error;
  const detail = document.createElement('pre');
  detail.textContent = message;
  box.append(title, detail);
  block.querySelector<HTMLElement>('.mermaid-source')!.hidden = false;
  block.dataset.mermaid = 'error';
}

/** A wide diagram may shrink to fit, but not below a readable size: past that, its box scrolls sideways. */
function keepLegible(svg: SVGSVGElement | null): void {
  const natural = svg ? parseFloat(svg.style.maxWidth) : NaN;
  if (svg && Number.isFinite(natural)) svg.style.minWidth = `${Math.min(natural, MIN_READABLE_WIDTH)}px`;
}
const MIN_READABLE_WIDTH = 1000;

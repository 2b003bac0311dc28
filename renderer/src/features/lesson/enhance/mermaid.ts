// Mermaid diagrams, loaded on first use and drawn offline. Each diagram is drawn for the current theme
// and redrawn when the theme changes; a diagram that fails shows its source and Mermaid's message.
type MermaidApi = typeof import('mermaid').default;

let mermaidModule: Promise<MermaidApi> | null = null;
let configuredFor: string | null = null;
let counter = 0;

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

/** Draws every diagram placeholder under root (all of them again when `redraw` is set). */
export async function renderDiagrams(
  root: HTMLElement,
  theme: 'light' | 'dark',
  labels: MermaidLabels,
  isCancelled: () => boolean,
  redraw = false,
): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('figure.mermaid-block')].filter(
    (b) => redraw || b.dataset.mermaid === 'pending',
  );
  if (blocks.length === 0) return;
  const mermaid = await load();
  configure(mermaid, theme);
  for (const block of blocks) {
    if (isCancelled()) return;
    const source = block.querySelector('.mermaid-source')?.textContent ?? '';
    const id = `mermaid-${++counter}`;
    try {
      const { svg, bindFunctions } = await mermaid.render(id, source);
      if (isCancelled()) return;
      let output = block.querySelector<HTMLElement>('.mermaid-output');
      if (!output) {
        output = document.createElement('div');
        output.className = 'mermaid-output';
        block.prepend(output);
      }
      output.innerHTML = svg;
      keepLegible(output.querySelector('svg'));
      bindFunctions?.(output);
      block.querySelector('.mermaid-status')?.remove();
      block.querySelector('.mermaid-error')?.remove();
      block.querySelector<HTMLElement>('.mermaid-source')!.hidden = true;
      block.dataset.mermaid = 'done';
      block.dataset.theme = theme;
    } catch (err) {
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove(); // Mermaid's scratch container, left behind on failure
      showError(block, labels, err);
    }
  }
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

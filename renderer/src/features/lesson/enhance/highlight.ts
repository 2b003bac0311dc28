// Syntax highlighting with shiki, loaded on first use so the lesson's first paint does not wait for it.
// Only the five languages the course uses and two themes are bundled, with the JavaScript regex engine
// (no WebAssembly, nothing fetched). Both themes are emitted at once as CSS variables, so a theme
// switch is pure CSS.
import type { HighlighterCore } from 'shiki/core';

const ALIASES: Record<string, string> = {
  ts: 'typescript', typescript: 'typescript', tsx: 'typescript', js: 'typescript', javascript: 'typescript',
  py: 'python', python: 'python', json: 'json', jsonc: 'json', sql: 'sql',
  sh: 'shellscript', shell: 'shellscript', bash: 'shellscript', zsh: 'shellscript', console: 'shellscript', shellscript: 'shellscript',
};

let highlighter: Promise<HighlighterCore> | null = null;

function load(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
      langs: [
        import('shiki/langs/typescript.mjs'),
        import('shiki/langs/python.mjs'),
        import('shiki/langs/json.mjs'),
        import('shiki/langs/sql.mjs'),
        import('shiki/langs/shellscript.mjs'),
      ],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
  })();
  return highlighter;
}

export function highlightLanguage(lang: string): string | null {
  return ALIASES[lang] ?? null;
}

/** Highlights every `figure.code-block` under root whose language is bundled; the rest stay plain. */
export async function highlightAll(root: HTMLElement, isCancelled: () => boolean): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('figure.code-block:not([data-highlighted])')].filter((b) =>
    highlightLanguage(b.dataset.lang ?? ''),
  );
  if (blocks.length === 0) return;
  const hl = await load();
  for (const block of blocks) {
    if (isCancelled()) return;
    const pre = block.querySelector('pre');
    const code = pre?.textContent ?? '';
    if (!pre) continue;
    const html = hl.codeToHtml(code.replace(/\n$/, ''), {
      lang: highlightLanguage(block.dataset.lang ?? '') ?? 'text',
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    });
    const template = document.createElement('template');
    template.innerHTML = html;
    const highlighted = template.content.firstElementChild as HTMLElement | null;
    if (!highlighted) continue;
    highlighted.classList.add('code');
    highlighted.tabIndex = 0;
    highlighted.removeAttribute('style'); // backgrounds come from our theme variables
    pre.replaceWith(highlighted);
    block.dataset.highlighted = 'true';
    // Let the browser paint between blocks: a long lesson must not freeze scrolling.
    await new Promise((r) => setTimeout(r, 0));
  }
}

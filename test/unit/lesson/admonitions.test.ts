import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { admonitionsPlugin } from '../../../renderer/src/features/lesson/markdown/admonitions';

const md = new MarkdownIt().use(admonitionsPlugin, { defaultTitle: (k: string) => `[${k}]` });
const render = (src: string) => md.render(src).trim();

describe('admonitions plugin', () => {
  it('renders `!!! kind "Title"` with its indented body as Markdown', () => {
    const html = render('!!! tip "Name events well"\n    Use the **past tense**.\n\n    - one\n    - two\n');
    expect(html).toContain('<div class="admonition admonition-tip" data-kind="tip" role="note">');
    expect(html).toContain('<p class="admonition-title">Name events well</p>');
    expect(html).toContain('<p>Use the <strong>past tense</strong>.</p>');
    expect(html).toContain('<li>two</li>');
    expect(html.endsWith('</div>')).toBe(true);
  });

  it('supports every kind the lesson uses, with a default title when none is given', () => {
    for (const kind of ['quote', 'tip', 'info', 'success', 'warning', 'note']) {
      const html = render(`!!! ${kind}\n    body\n`);
      expect(html).toContain(`admonition-${kind}`);
      expect(html).toContain(`<p class="admonition-title">[${kind}]</p>`);
    }
  });

  it('hides the title bar for an empty title', () => {
    expect(render('!!! note ""\n    body\n')).not.toContain('admonition-title');
  });

  it('ends at the first line that is not indented, and keeps blank lines inside the body', () => {
    const html = render('!!! warning "W"\n    first\n\n    second\nafter\n');
    expect(html).toContain('<p>first</p>\n<p>second</p>\n</div>\n<p>after</p>');
  });

  it('keeps fenced code inside the body, indentation removed', () => {
    const html = render('!!! info "Code"\n    ```ts\n    const x = 1;\n    ```\n');
    expect(html).toContain('<code class="language-ts">const x = 1;\n</code>');
  });

  it('nests admonitions', () => {
    const html = render('!!! note "Outer"\n    !!! tip "Inner"\n        deep\n');
    expect(html.match(/class="admonition /g)).toHaveLength(2);
    expect(html).toContain('<p>deep</p>\n</div>\n</div>');
  });

  it('interrupts a paragraph and does not swallow an indented code block', () => {
    expect(render('text\n!!! tip "T"\n    body\n')).toContain('<p>text</p>\n<div class="admonition');
    expect(render('    !!! tip "T"\n')).toContain('<pre><code>!!! tip');
  });

  it('renders ??? as a collapsed <details> and ???+ as an open one', () => {
    expect(render('??? tip "More"\n    hidden\n')).toMatch(/^<details class="admonition admonition-tip" data-kind="tip">\n<summary class="admonition-title">More<\/summary>/);
    expect(render('???+ tip "More"\n    shown\n')).toContain('data-kind="tip" open>');
  });

  it('escapes the title and the kind', () => {
    const html = render('!!! tip "<img src=x>"\n    body\n');
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).not.toContain('<img');
  });

  it('leaves lines that only look similar alone', () => {
    expect(render('!!!tip "no space"')).toBe('<p>!!!tip &quot;no space&quot;</p>');
    expect(render('!! tip "two marks"')).toContain('<p>!! tip');
  });
});

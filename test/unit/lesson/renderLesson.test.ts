import { describe, expect, it } from 'vitest';
import { parseFenceInfo, renderLesson, slugify } from '../../../renderer/src/features/lesson/markdown';

const labels = {
  copy: 'Copy', anchor: 'Link', wrongExample: 'Wrong on purpose', diagramLoading: 'Drawing…', lessonMissing: 'Not yet', exerciseMissing: 'No such exercise',
  admonition: (k: string) => k,
};
const render = (src: string) => renderLesson(src, { lessonId: '04-x', labels, knownLessons: ['04-x'] });

describe('lesson markdown', () => {
  it('gives headings unique ids in any script and lists h2/h3 in the table of contents', () => {
    const { html, toc } = render('# Title\n\n## 1. Что такое EDA?\n\n### Intro\n\n### Intro\n\n#### Deep\n');
    expect(toc).toEqual([
      { id: '1-что-такое-eda', level: 2, text: '1. Что такое EDA?' },
      { id: 'intro', level: 3, text: 'Intro' },
      { id: 'intro-2', level: 3, text: 'Intro' },
    ]);
    expect(html).toContain('<h2 id="1-что-такое-eda" class="lesson-heading">');
    expect(html).toContain('href="#/lesson/04-x/intro-2" data-anchor="intro-2"');
  });

  it('turns mermaid fences into diagram placeholders that keep the source', () => {
    const { html } = render('```mermaid\ngraph LR\n  A --> B\n```\n');
    expect(html).toContain('data-mermaid="pending"');
    expect(html).toContain('graph LR\n  A --&gt; B');
  });

  it('keeps box drawings in a non-wrapping text block and captions code with title, language and copy button', () => {
    expect(render('```text\n┌─┐\n```\n').html).toContain('<pre class="box-drawing" tabindex="0"><code>┌─┐');
    const { html } = render('```ts title="relay.ts" wrong\nconst a = 1;\n```\n');
    expect(html).toContain('<span class="code-title">relay.ts</span><span class="code-lang">TypeScript</span>');
    expect(html).toContain('class="code-block is-wrong"');
    expect(html).toContain('data-copy');
  });

  it('parses fence info strings', () => {
    expect(parseFenceInfo('ts title="a b.ts" wrong')).toEqual({ lang: 'ts', title: 'a b.ts', wrong: true });
    expect(parseFenceInfo('python')).toEqual({ lang: 'python', title: null, wrong: false });
    expect(parseFenceInfo('ts title="wrong.ts"')).toEqual({ lang: 'ts', title: 'wrong.ts', wrong: false });
  });

  it('links lessons through the router and marks lessons that do not exist yet', () => {
    const { html } = render('[next](lesson:05-next) [here](lesson:04-x#intro) [sec](#intro) [ext](https://example.org)');
    expect(html).toContain('href="#/lesson/05-next" class="lesson-link lesson-link-missing"');
    expect(html).toContain('href="#/lesson/04-x/intro" class="lesson-link"');
    expect(html).toContain('href="#/lesson/04-x/intro" data-anchor="intro"');
    expect(html).toContain('target="_blank" rel="noopener noreferrer"');
  });

  it('links exercises to their workspace as badges, and marks an exercise that is not installed once the list is known', () => {
    const src = '[The outbox](exercise:outbox-relay) and [later](exercise:not-there)';
    const known = renderLesson(src, { lessonId: '04-x', labels, knownExercises: ['outbox-relay'] }).html;
    expect(known).toContain('<a href="#/exercises/outbox-relay" class="exercise-link" data-exercise="outbox-relay">The outbox</a>');
    expect(known).toContain('href="#/exercises/not-there" class="exercise-link exercise-link-missing" data-exercise="not-there" title="No such exercise" aria-disabled="true"');
    // While the list is not known yet, nothing is marked missing.
    expect(render(src).html).not.toContain('exercise-link-missing');
    // Only a plain id: anything else is not an exercise link.
    expect(render('[x](exercise:../../etc)').html).not.toContain('exercise-link');
  });

  it('wraps tables for sideways scrolling and never passes raw HTML through', () => {
    const { html } = render('| a | b |\n| - | - |\n| 1 | 2 |\n\n<script>alert(1)</script>\n');
    expect(html).toContain('<div class="table-wrap" tabindex="0"><table>');
    expect(html).not.toContain('<script>');
  });

  it('slugifies punctuation away', () => {
    expect(slugify('  Mistake 2: publishing — after `clear()`!  ')).toBe('mistake-2-publishing-after-clear');
  });
});

// Gives every heading an id and a self-link, and collects h2/h3 into the table of contents (env.toc).
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { uniqueSlugger } from './slug';
import type { LessonEnv } from './env';

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}

export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', (state) => {
    const env = state.env as LessonEnv;
    const slug = uniqueSlugger();
    env.toc = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type !== 'heading_open') continue;
      const text = plainText(tokens[i + 1]);
      const id = slug(text);
      token.attrSet('id', id);
      const level = Number(token.tag.slice(1));
      if (level === 2 || level === 3) env.toc.push({ id, level, text });
    }
  });

  const open = md.renderer.rules.heading_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.heading_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    if (token.tag !== 'h1') token.attrJoin('class', 'lesson-heading');
    return open(tokens, idx, opts, env, self);
  };
  md.renderer.rules.heading_close = (tokens, idx, _opts, env: LessonEnv) => {
    const open = tokens[idx - 2];
    const id = open?.attrGet('id');
    const tag = tokens[idx].tag;
    if (!id || tag === 'h1') return `</${tag}>\n`;
    const href = md.utils.escapeHtml(`#/lesson/${encodeURIComponent(env.lessonId)}/${encodeURIComponent(id)}`);
    const label = md.utils.escapeHtml(env.labels.anchor);
    return ` <a class="heading-anchor" href="${href}" data-anchor="${md.utils.escapeHtml(id)}" aria-label="${label}" title="${label}">#</a></${tag}>\n`;
  };
}

// Tables scroll sideways inside their own box instead of stretching the page; links between lessons
// (`lesson:05-choosing-architecture`, optionally `#section`), links to exercises (`exercise:outbox-relay`,
// shown as a practice badge) and in-page links (`#section`) become router links the page intercepts;
// other links open outside the app.
import type MarkdownIt from 'markdown-it';
import type { LessonEnv } from './env';

export function tablesAndLinksPlugin(md: MarkdownIt): void {
  md.renderer.rules.table_open = () => '<div class="table-wrap" tabindex="0"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';

  const defaultValidate = md.validateLink.bind(md);
  const internal = /^(lesson|exercise):/i;
  md.validateLink = (url) => internal.test(url) || defaultValidate(url);
  md.normalizeLink = ((normalize) => (url: string) => (internal.test(url) ? url : normalize(url)))(md.normalizeLink.bind(md));

  const render = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env: LessonEnv, self) => {
    const token = tokens[idx];
    const href = token.attrGet('href') ?? '';
    const lesson = /^lesson:([a-z0-9-]+)(?:#(.+))?$/i.exec(href);
    const exercise = /^exercise:([a-z0-9-]+)$/i.exec(href);
    if (exercise) {
      const id = exercise[1]!;
      token.attrSet('href', `#/exercises/${encodeURIComponent(id)}`);
      token.attrJoin('class', 'exercise-link');
      token.attrSet('data-exercise', id);
      if (env.knownExercises && !env.knownExercises.has(id)) {
        token.attrJoin('class', 'exercise-link-missing');
        token.attrSet('title', env.labels.exerciseMissing);
        token.attrSet('aria-disabled', 'true');
      }
    } else if (lesson) {
      const [, id, anchor] = lesson;
      token.attrSet('href', `#/lesson/${encodeURIComponent(id)}${anchor ? '/' + encodeURIComponent(anchor) : ''}`);
      token.attrJoin('class', 'lesson-link');
      if (!env.knownLessons.has(id)) {
        token.attrJoin('class', 'lesson-link-missing');
        token.attrSet('title', env.labels.lessonMissing);
        token.attrSet('aria-disabled', 'true');
      }
    } else if (href.startsWith('#') && !href.startsWith('#/')) {
      const anchor = decodeURIComponent(href.slice(1));
      token.attrSet('href', `#/lesson/${encodeURIComponent(env.lessonId)}/${encodeURIComponent(anchor)}`);
      token.attrSet('data-anchor', anchor);
    } else if (/^[a-z]+:/i.test(href)) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
      token.attrJoin('class', 'external-link');
    }
    return render(tokens, idx, opts, env, self);
  };
}

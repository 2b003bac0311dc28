// The app's pages, in navigation order. Each page lives in its own feature folder and loads lazily
// (or ahead of time: the editor's warm-up preloads the exercises page).
import type { ComponentType, JSX } from 'react';
import { preloadable } from '../components/preloadable';

export interface PageDef {
  id: string;
  /** i18n key in the shell namespace */
  labelKey: string;
  /** Renders at once when loaded ahead (preload), else lazily under the shell's Suspense. */
  component: (props: { params: string[] }) => JSX.Element;
  preload(): Promise<void>;
  /** After the page's code failed to load, the next render loads it again. */
  forgetFailure(): void;
}

function page(id: string, labelKey: string, load: () => Promise<{ default: ComponentType<{ params: string[] }> }>): PageDef {
  const { Component, preload, forgetFailure } = preloadable(load);
  return { id, labelKey, component: Component, preload, forgetFailure };
}

export const pages: PageDef[] = [
  page('lesson', 'nav.lesson', () => import('../features/lesson/LessonPage')),
  page('quiz', 'nav.quiz', () => import('../features/quiz/QuizPage')),
  page('exercises', 'nav.exercises', () => import('../features/exercises/ExercisesPage')),
  page('playground', 'nav.playground', () => import('../features/playground/PlaygroundPage')),
  page('instructor', 'nav.instructor', () => import('../features/instructor/InstructorPage')),
  page('glossary', 'nav.glossary', () => import('../features/glossary/GlossaryPage')),
];

// The app's pages, in navigation order. Each page lives in its own feature folder and loads lazily.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageDef {
  id: string;
  /** i18n key in the shell namespace */
  labelKey: string;
  component: LazyExoticComponent<ComponentType<{ params: string[] }>>;
}

export const pages: PageDef[] = [
  { id: 'lesson', labelKey: 'nav.lesson', component: lazy(() => import('../features/lesson/LessonPage')) },
  { id: 'quiz', labelKey: 'nav.quiz', component: lazy(() => import('../features/quiz/QuizPage')) },
  { id: 'exercises', labelKey: 'nav.exercises', component: lazy(() => import('../features/exercises/ExercisesPage')) },
  { id: 'playground', labelKey: 'nav.playground', component: lazy(() => import('../features/playground/PlaygroundPage')) },
  { id: 'instructor', labelKey: 'nav.instructor', component: lazy(() => import('../features/instructor/InstructorPage')) },
  { id: 'glossary', labelKey: 'nav.glossary', component: lazy(() => import('../features/glossary/GlossaryPage')) },
];

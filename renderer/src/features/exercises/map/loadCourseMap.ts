// Gathers what the course map shows from the engine: the lessons and their reading progress, the quiz
// attempts, and the exercises. A part that fails to load leaves its step without progress rather than
// hiding the whole map.
import { invoke } from '../../../bridge';
import { LANGUAGES, type Language } from '../../../i18n';
import { lessonSectionIds } from './lessonSections';
import { buildCourseMap, type CourseMap, type LessonInput } from './courseMap';

interface Reading {
  read: number;
  total: number;
}

/**
 * Reading progress is kept per language (the headings differ). The map shows the language the student
 * got furthest in; the current language's lesson is always loaded for its summary and length.
 */
async function lessonReading(id: string, lang: Language): Promise<{ reading: Reading | null; summary: string | null; minutes: number | null }> {
  const progress = await Promise.all(LANGUAGES.map((l) => invoke('lesson.progress.get', { id, lang: l }).catch(() => null)));
  let best: Reading | null = null;
  let summary: string | null = null;
  let minutes: number | null = null;
  await Promise.all(
    LANGUAGES.map(async (l, i) => {
      const read = new Set(progress[i]?.sectionsRead ?? []);
      if (l !== lang && read.size === 0) return;
      const lesson = await invoke('lesson.get', { id, lang: l });
      if (l === lang) {
        summary = lesson.summary;
        minutes = lesson.estimatedMinutes;
      }
      const ids = lessonSectionIds(lesson.markdown, id);
      const here = { read: ids.filter((s) => read.has(s)).length, total: ids.length };
      const share = (r: Reading) => (r.total ? r.read / r.total : 0);
      if (!best || share(here) > share(best) || (share(here) === share(best) && l === lang)) best = here;
    }),
  );
  return { reading: best, summary, minutes };
}

export async function loadCourseMap(lang: Language): Promise<CourseMap> {
  const [lessonList, exerciseList] = await Promise.all([
    invoke('lesson.list', { lang }).catch(() => ({ lessons: [] })),
    invoke('exercises.list', { lang }),
  ]);
  const lessons = [...lessonList.lessons].sort((a, b) => a.order - b.order);
  const inputs = await Promise.all(
    lessons.map(async (l): Promise<LessonInput> => {
      const [reading, quiz] = await Promise.all([
        lessonReading(l.id, lang).catch(() => ({ reading: null, summary: null, minutes: null })),
        l.hasQuiz ? invoke('quiz.attempts', { lessonId: l.id }).catch(() => null) : Promise.resolve(null),
      ]);
      return {
        id: l.id,
        title: l.title,
        summary: reading.summary,
        estimatedMinutes: reading.minutes,
        hasQuiz: l.hasQuiz,
        reading: reading.reading,
        quizAttempts: quiz?.attempts ?? null,
      };
    }),
  );
  return buildCourseMap(inputs, exerciseList.exercises);
}

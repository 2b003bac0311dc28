// The lesson page's state: which lesson is open, its Markdown and its code highlighted by the engine,
// the lesson list, and the reading progress (which sections have been read, where the student stopped)
// mirrored to the engine.
import { create } from 'zustand';
import type { HighlightedCode } from '@common/highlightedCode';
import { invoke, type MethodOutput } from '../../bridge';
import type { Language } from '../../i18n';
import { describeError } from '../../i18n/describeError';

export type LessonData = MethodOutput<'lesson.get'>;
export type LessonList = MethodOutput<'lesson.list'>['lessons'];
export type SavedProgress = MethodOutput<'lesson.progress.get'>;

export interface Position {
  scrollFraction: number;
  anchor: string | null;
  anchorOffset: number;
}

interface LessonState {
  status: 'idle' | 'loading' | 'ready' | 'empty' | 'error';
  error: string | null;
  lessons: LessonList;
  lesson: LessonData | null;
  /** The open lesson's code blocks as the engine highlighted them ([] if it could not: the code shows plain). */
  code: HighlightedCode[];
  /** Progress as loaded from the engine when the lesson opened: where to restore to. */
  saved: SavedProgress | null;
  sectionsRead: string[];
  activeId: string | null;
  load(id: string | null, lang: Language): Promise<void>;
  setActive(id: string | null): void;
  markRead(id: string): void;
  /** Saves the position (and the sections read) of the given lesson, by default the open one. */
  save(position: Position, target?: { id: string; lang: Language }): Promise<void>;
}

let loadToken = 0;

export const useLessonStore = create<LessonState>((set, get) => ({
  status: 'idle',
  error: null,
  lessons: [],
  lesson: null,
  code: [],
  saved: null,
  sectionsRead: [],
  activeId: null,

  async load(id, lang) {
    const token = ++loadToken;
    set({ status: 'loading', error: null, activeId: null });
    try {
      const { lessons } = await invoke('lesson.list', { lang });
      const lessonId = id ?? lessons[0]?.id;
      if (!lessonId) {
        if (token === loadToken) set({ status: 'empty', lessons, lesson: null });
        return;
      }
      const [lesson, saved, code] = await Promise.all([
        invoke('lesson.get', { id: lessonId, lang }),
        invoke('lesson.progress.get', { id: lessonId, lang }),
        highlightedCode(lessonId, lang),
      ]);
      if (token !== loadToken) return;
      set({ status: 'ready', lessons, lesson, code, saved, sectionsRead: saved.sectionsRead });
    } catch (err) {
      if (token === loadToken) set({ status: 'error', error: describeError(err) });
    }
  },

  setActive(id) {
    if (get().activeId !== id) set({ activeId: id });
  },

  markRead(id) {
    const { sectionsRead } = get();
    if (!sectionsRead.includes(id)) set({ sectionsRead: [...sectionsRead, id] });
  },

  async save(position, target) {
    const { lesson, sectionsRead } = get();
    const where = target ?? (lesson ? { id: lesson.id, lang: lesson.lang } : null);
    if (!where) return;
    // Sections read belong to the open lesson; a late save for one just left carries none (the
    // engine keeps what it already has).
    const sections = lesson && lesson.id === where.id && lesson.lang === where.lang ? sectionsRead : [];
    await invoke('lesson.progress.set', { id: where.id, lang: where.lang, ...position, sectionsRead: sections });
  },
}));

/**
 * The lesson's highlighted code blocks (checked by the engine against the contract before they leave it;
 * the page escapes their text and attributes itself). A failed request leaves the code plain, never the
 * lesson unread.
 */
async function highlightedCode(id: string, lang: Language): Promise<HighlightedCode[]> {
  try {
    return (await invoke('lesson.code', { id, lang })).blocks;
  } catch {
    return [];
  }
}

// The quiz attempt in progress, one per lesson, in the active profile's progress database: the seed
// (option order), the picks, which questions were already checked, the mode and the question shown.
// It survives a reload and an app restart; submitting the attempt (or starting over) removes it.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate } from '../sqlite';
import { QuizDraft } from '../common/quizDraft';

const Row = z.object({ lesson_id: z.string(), draft: z.string(), updated_at: z.string() });

export interface QuizDraftsRepo {
  get(lessonId: string): (QuizDraft & { updatedAt: string }) | null;
  save(lessonId: string, draft: QuizDraft): void;
  clear(lessonId: string): void;
}

export function openQuizDrafts(db: Database.Database): QuizDraftsRepo {
  migrate(db, 'quiz-drafts', [
    `CREATE TABLE quiz_drafts (
       lesson_id TEXT PRIMARY KEY,
       draft TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
  ]);
  const select = db.prepare('SELECT * FROM quiz_drafts WHERE lesson_id = ?');
  const upsert = db.prepare(
    `INSERT INTO quiz_drafts (lesson_id, draft, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (lesson_id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM quiz_drafts WHERE lesson_id = ?');
  return {
    get(lessonId) {
      const raw = select.get(lessonId);
      if (!raw) return null;
      const row = Row.parse(raw);
      // A draft this version cannot read (hand-edited, older shape) is dropped, never an error on the page.
      let json: unknown = null;
      try {
        json = JSON.parse(row.draft);
      } catch {
        // handled below: null fails the shape check
      }
      const parsed = QuizDraft.safeParse(json);
      if (!parsed.success) {
        remove.run(lessonId);
        return null;
      }
      return { ...parsed.data, updatedAt: row.updated_at };
    },
    save(lessonId, draft) {
      upsert.run(lessonId, JSON.stringify(QuizDraft.parse(draft)), new Date().toISOString());
    },
    clear(lessonId) {
      remove.run(lessonId);
    },
  };
}

// Reading progress per lesson and language (heading ids differ between languages): where the student
// stopped and which sections they have read. Sections only accumulate; a later save never un-reads one.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate } from '../sqlite';

export interface ReadingPosition {
  scrollFraction: number;
  anchor: string | null;
  anchorOffset: number;
  sectionsRead: string[];
}

const Row = z.object({
  scroll_fraction: z.number(),
  anchor: z.string().nullable(),
  anchor_offset: z.number(),
  sections_read: z.string(),
  updated_at: z.string(),
});

export interface ReadingProgressRepo {
  get(lessonId: string, lang: string): (ReadingPosition & { updatedAt: string | null });
  set(lessonId: string, lang: string, position: ReadingPosition): void;
}

const MAX_SECTIONS = 1000;

export function openReadingProgress(db: Database.Database): ReadingProgressRepo {
  migrate(db, 'lesson', [
    `CREATE TABLE reading_progress (
       lesson_id TEXT NOT NULL,
       lang TEXT NOT NULL,
       scroll_fraction REAL NOT NULL,
       anchor TEXT,
       anchor_offset REAL NOT NULL,
       sections_read TEXT NOT NULL,
       updated_at TEXT NOT NULL,
       PRIMARY KEY (lesson_id, lang)
     )`,
  ]);
  const select = db.prepare('SELECT * FROM reading_progress WHERE lesson_id = ? AND lang = ?');
  const upsert = db.prepare(
    `INSERT INTO reading_progress (lesson_id, lang, scroll_fraction, anchor, anchor_offset, sections_read, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (lesson_id, lang) DO UPDATE SET scroll_fraction = excluded.scroll_fraction, anchor = excluded.anchor,
       anchor_offset = excluded.anchor_offset, sections_read = excluded.sections_read, updated_at = excluded.updated_at`,
  );

  function read(lessonId: string, lang: string) {
    const raw = select.get(lessonId, lang);
    if (!raw) return null;
    const row = Row.parse(raw);
    return {
      scrollFraction: row.scroll_fraction,
      anchor: row.anchor,
      anchorOffset: row.anchor_offset,
      sectionsRead: z.array(z.string()).parse(JSON.parse(row.sections_read)),
      updatedAt: row.updated_at,
    };
  }

  return {
    get(lessonId, lang) {
      return read(lessonId, lang) ?? { scrollFraction: 0, anchor: null, anchorOffset: 0, sectionsRead: [], updatedAt: null };
    },
    set(lessonId, lang, position) {
      db.transaction(() => {
        const before = read(lessonId, lang)?.sectionsRead ?? [];
        const sections = [...new Set([...before, ...position.sectionsRead])].slice(0, MAX_SECTIONS);
        upsert.run(
          lessonId, lang, Math.min(1, Math.max(0, position.scrollFraction)), position.anchor, position.anchorOffset,
          JSON.stringify(sections), new Date().toISOString(),
        );
      }).immediate();
    },
  };
}

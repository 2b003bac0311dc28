// Quiz attempts in the progress database: one row per submitted attempt, with the answers, the
// per-question results and the per-topic breakdown, so history and hand-in can show them later.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate } from '../sqlite';
import type { Answer } from './types';
import type { QuizScore } from './score';

const TopicRow = z.object({ topic: z.string(), earned: z.number(), max: z.number(), correct: z.number(), total: z.number() });
const AttemptRow = z.object({
  id: z.number().int(),
  lesson_id: z.string(),
  lang: z.enum(['ru', 'en']),
  seed: z.number().int(),
  started_at: z.string().nullable(),
  submitted_at: z.string(),
  score: z.number(),
  max_score: z.number(),
  correct_count: z.number().int(),
  question_count: z.number().int(),
  topics: z.string(),
});

export interface StoredAttempt {
  id: number;
  lessonId: string;
  lang: 'ru' | 'en';
  seed: number;
  startedAt: string | null;
  submittedAt: string;
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  topics: z.infer<typeof TopicRow>[];
}

export interface NewAttempt {
  lessonId: string;
  lang: 'ru' | 'en';
  seed: number;
  startedAt: string | null;
  submittedAt: string;
  answers: readonly Answer[];
  result: QuizScore;
}

export interface QuizAttemptsRepo {
  add(attempt: NewAttempt): StoredAttempt;
  list(lessonId: string): StoredAttempt[];
  /** Every attempt of every lesson, oldest first (a hand-in carries them all). */
  listAll(): StoredAttempt[];
  /** One attempt with the answers it was scored on (for reviewing it later), or null. */
  answersOf(lessonId: string, id: number): { attempt: StoredAttempt; answers: Answer[]; results: unknown } | null;
}

const StoredAnswers = z.array(z.object({ questionId: z.string(), selected: z.array(z.number().int()) }));

export function openQuizAttempts(db: Database.Database): QuizAttemptsRepo {
  migrate(db, 'quiz', [
    `CREATE TABLE quiz_attempts (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       lesson_id TEXT NOT NULL,
       lang TEXT NOT NULL,
       seed INTEGER NOT NULL,
       started_at TEXT,
       submitted_at TEXT NOT NULL,
       score REAL NOT NULL,
       max_score REAL NOT NULL,
       correct_count INTEGER NOT NULL,
       question_count INTEGER NOT NULL,
       answers TEXT NOT NULL,
       results TEXT NOT NULL,
       topics TEXT NOT NULL
     )`,
    'CREATE INDEX quiz_attempts_by_lesson ON quiz_attempts (lesson_id, submitted_at)',
  ]);
  const insert = db.prepare(
    `INSERT INTO quiz_attempts (lesson_id, lang, seed, started_at, submitted_at, score, max_score, correct_count,
       question_count, answers, results, topics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectOne = db.prepare('SELECT * FROM quiz_attempts WHERE id = ?');
  const selectByLesson = db.prepare('SELECT * FROM quiz_attempts WHERE lesson_id = ? ORDER BY submitted_at DESC, id DESC');
  const selectAll = db.prepare('SELECT * FROM quiz_attempts ORDER BY id');
  const selectWithAnswers = db.prepare('SELECT * FROM quiz_attempts WHERE lesson_id = ? AND id = ?');

  function fromRow(raw: unknown): StoredAttempt {
    const row = AttemptRow.parse(raw);
    return {
      id: row.id,
      lessonId: row.lesson_id,
      lang: row.lang,
      seed: row.seed,
      startedAt: row.started_at,
      submittedAt: row.submitted_at,
      score: row.score,
      maxScore: row.max_score,
      correctCount: row.correct_count,
      questionCount: row.question_count,
      topics: z.array(TopicRow).parse(JSON.parse(row.topics)),
    };
  }

  return {
    add(a) {
      const r = a.result;
      const info = insert.run(
        a.lessonId, a.lang, a.seed, a.startedAt, a.submittedAt, r.score, r.maxScore, r.correctCount, r.questionCount,
        JSON.stringify(a.answers), JSON.stringify(r.questions), JSON.stringify(r.topics),
      );
      return fromRow(selectOne.get(info.lastInsertRowid));
    },
    list(lessonId) {
      return selectByLesson.all(lessonId).map(fromRow);
    },
    listAll() {
      return selectAll.all().map(fromRow);
    },
    answersOf(lessonId, id) {
      const raw = selectWithAnswers.get(lessonId, id) as { answers?: unknown; results?: unknown } | undefined;
      if (!raw) return null;
      return {
        attempt: fromRow(raw),
        answers: StoredAnswers.parse(JSON.parse(String(raw.answers))),
        results: JSON.parse(String(raw.results)) as unknown,
      };
    },
  };
}

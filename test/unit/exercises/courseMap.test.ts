import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourseMap, lessonStatus, nextStepKey, type LessonInput } from '../../../renderer/src/features/exercises/map/courseMap';
import { lessonSectionIds } from '../../../renderer/src/features/exercises/map/lessonSections';
import { renderLesson } from '../../../renderer/src/features/lesson/markdown';
import type { ExerciseSummary } from '../../../renderer/src/features/exercises/workspace/types';

function exercise(id: string, order: number, over: Partial<ExerciseSummary> = {}): ExerciseSummary {
  return { id, order, title: id, summary: '', status: 'not_started', runs: 0, bestScore: null, maxScore: null, lastRunAt: null, ...over };
}

function lesson(over: Partial<LessonInput> = {}): LessonInput {
  return { id: '04-event-driven', title: 'EDA', summary: null, estimatedMinutes: 75, hasQuiz: true, reading: { read: 0, total: 40 }, quizAttempts: [], ...over };
}

const keys = (steps: { key: string }[]) => steps.map((s) => s.key);

describe('course map', () => {
  it('puts the lesson, its quiz, then the exercises by manifest order; with nothing done the lesson is next', () => {
    const map = buildCourseMap([lesson()], [exercise('b', 2), exercise('c', 3), exercise('a', 1)]);
    expect(keys(map.steps)).toEqual(['lesson:04-event-driven', 'quiz:04-event-driven', 'exercise:a', 'exercise:b', 'exercise:c']);
    expect(map.steps.map((s) => s.status)).toEqual(['not_started', 'not_started', 'not_started', 'not_started', 'not_started']);
    expect(map.next).toBe('lesson:04-event-driven');
  });

  it('the next step goes back to the first one not done when every step after the furthest is done', () => {
    const map = buildCourseMap(
      [lesson({ reading: { read: 40, total: 40 }, quizAttempts: [{ score: 3, maxScore: 10 }, { score: 8, maxScore: 10 }] })],
      [exercise('a', 1, { status: 'in_progress', runs: 2, bestScore: 4, maxScore: 10 }), exercise('b', 2, { status: 'passing', runs: 1, bestScore: 10, maxScore: 10 })],
    );
    expect(map.steps.map((s) => s.status)).toEqual(['done', 'done', 'in_progress', 'done']);
    expect(map.next).toBe('exercise:a');
    const quiz = map.steps[1];
    expect(quiz.kind === 'quiz' && quiz.best).toEqual({ score: 8, maxScore: 10 });
    expect(quiz.kind === 'quiz' && quiz.attempts).toBe(2);
  });

  it('follows real progress: after the quiz and a green exercise it is not the half-read lesson any more', () => {
    const lessons = [
      lesson({ reading: { read: 2, total: 44 }, quizAttempts: [{ score: 30, maxScore: 42 }] }),
      lesson({ id: '04-kafka-lab', title: 'Kafka lab', hasQuiz: false, reading: null }),
    ];
    const map = buildCourseMap(lessons, [exercise('a', 1, { status: 'passing' }), exercise('b', 2), exercise('c', 3)]);
    expect(map.steps.map((s) => [s.key, s.status])).toEqual([
      ['lesson:04-event-driven', 'in_progress'],
      ['quiz:04-event-driven', 'done'],
      ['lesson:04-kafka-lab', 'not_started'],
      ['exercise:a', 'done'],
      ['exercise:b', 'not_started'],
      ['exercise:c', 'not_started'],
    ]);
    expect(map.next).toBe('exercise:b');
  });

  it('continues the furthest step under way, and otherwise the first open step after the furthest one done', () => {
    const steps = (...statuses: Array<'not_started' | 'in_progress' | 'done'>) => statuses.map((status, i) => ({ key: `s${i}`, status }));
    expect(nextStepKey(steps('not_started', 'not_started'))).toBe('s0');
    expect(nextStepKey(steps('in_progress', 'not_started', 'not_started'))).toBe('s0');
    expect(nextStepKey(steps('in_progress', 'done', 'not_started'))).toBe('s2');
    expect(nextStepKey(steps('done', 'not_started', 'in_progress', 'not_started'))).toBe('s2');
    expect(nextStepKey(steps('not_started', 'done', 'done', 'not_started', 'done'))).toBe('s0');
    expect(nextStepKey(steps('in_progress', 'done', 'done'))).toBe('s0');
    expect(nextStepKey(steps('done', 'done'))).toBeNull();
    expect(nextStepKey([])).toBeNull();
  });

  it('has no next step once everything is done', () => {
    const map = buildCourseMap([lesson({ hasQuiz: false, reading: { read: 40, total: 40 } })], [exercise('a', 1, { status: 'passing' })]);
    expect(keys(map.steps)).toEqual(['lesson:04-event-driven', 'exercise:a']);
    expect(map.next).toBeNull();
  });

  it('counts the lesson as read once nearly every section is (the last short ones may never reach the top of the view)', () => {
    expect(lessonStatus(null)).toBe('not_started');
    expect(lessonStatus({ read: 0, total: 44 })).toBe('not_started');
    expect(lessonStatus({ read: 1, total: 44 })).toBe('in_progress');
    expect(lessonStatus({ read: 39, total: 44 })).toBe('in_progress');
    expect(lessonStatus({ read: 40, total: 44 })).toBe('done');
    expect(lessonStatus({ read: 44, total: 44 })).toBe('done');
  });

  it('counts the lesson sections with the ids the lesson page gives them', () => {
    const file = path.resolve(__dirname, '../../../content/lessons/04-event-driven/lesson.ru.md');
    const markdown = fs.readFileSync(file, 'utf8');
    const labels = { copy: '', anchor: '', wrongExample: '', diagramLoading: '', lessonMissing: '', exerciseMissing: '', admonition: () => '' };
    const ids = lessonSectionIds(markdown, '04-event-driven');
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual(renderLesson(markdown, { lessonId: '04-event-driven', labels }).toc.map((e) => e.id));
  });
});

// Reports in the instructor's language (#15 item 7, #14): row statuses, row notes (coded by the grader,
// worded here), summary.html, the feedback files and the CSV's notes column come out in Russian when
// the grading is Russian, with none of the English texts left; English stays as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Gradebook, type GradebookEntry } from '../../../electron/engine/common/gradebook';
import { NOTE_TEXT, STATUS_TEXT, note, wordNote, wordNotes, type Note } from '../../../electron/engine/common/gradingWords';
import { REPORT_STRINGS } from '../../../electron/engine/grading/reports/strings';
import { summaryHtml } from '../../../electron/engine/grading/reports/summary';
import { feedbackHtml, feedbackMarkdown } from '../../../electron/engine/grading/reports/feedback';
import { writeReports } from '../../../electron/engine/grading/reports/writeReports';

function entry(over: Partial<GradebookEntry> & { note_codes: Note[] }): GradebookEntry {
  return {
    student_id: 's1', student_name: 'Ann', exercise_id: 'orders-lifecycle', score: null, max_score: null, passed: null, failed: null,
    errored: null, status: 'graded', duration_ms: null, submitted_at: '2030-01-01T00:00:00.000Z', checksum_ok: true,
    notes: wordNotes(over.note_codes, 'en'), source: 'x.replayground.json', kind: 'file', feedback: null, run_message: null,
    visible: null, hidden: null, tests: [], ...over,
  };
}

const graded = entry({
  student_id: 'ann', score: 3, max_score: 5, passed: 1, failed: 1, errored: 0, feedback: 'ann', source: 'ann-2.replayground.json',
  note_codes: [note('newest_of', { count: 2, others: 'ann-1.replayground.json' }), note('starter_used', { file: 'Extra.ts' })],
  tests: [
    { name: 'pays an order', suite: 'pay', visibility: 'visible', status: 'fail', message: 'expect(order.status): expected "pending" to be "paid"', points: 0, max_points: 2, duration_ms: 1 },
    { name: 'ships an order', suite: 'ship', visibility: 'visible', status: 'pass', message: null, points: 3, max_points: 3, duration_ms: 1 },
    { name: 'rule h-1', suite: 'h', visibility: 'hidden', status: 'pass', message: null, points: 0, max_points: 0, duration_ms: 1 },
  ],
});
const gradebook = Gradebook.parse({
  format: 'replayground-gradebook',
  version: 1,
  generated_at: '2030-01-02T00:00:00.000Z',
  input: 'class-3b',
  exercises: [{ id: 'orders-lifecycle', title: 'The order lifecycle', titles: { en: 'The order lifecycle', ru: 'Жизненный цикл заказа' }, content_hash: 'h', max_score: 5, reference_ok: false, tests: [] }],
  problems: ['--exercise nope: no such exercise'],
  problem_codes: [note('no_such_exercise', { exercise: 'nope' })],
  entries: [
    graded,
    entry({ student_id: 'ann', status: 'superseded', source: 'ann-1.replayground.json', note_codes: [note('superseded_by', { source: 'ann-2.replayground.json', at: '2030-01-01T00:00:00.000Z' })] }),
    entry({ student_id: '', status: 'too_deep', source: 'deep.replayground.json', note_codes: [note('file_problem', { source: 'deep.replayground.json', reason: 'JSON nested more than 64 levels deep; not read further', status: 'too_deep' })] }),
    entry({ student_id: 'alice', status: 'identity_mismatch', score: 5, max_score: 5, source: 'mallory/alice.replayground.json', note_codes: [note('identity_mismatch', { folder: 'mallory', student: 'alice' })] }),
    entry({ student_id: 'bob', status: 'unknown_exercise', exercise_id: 'inventory', source: 'bob.replayground.json', note_codes: [note('unknown_exercise', { exercise: 'inventory', known: 'orders-lifecycle' })] }),
  ],
});

/** Every fixed English text of a report or a status (placeholders cut out), at least two words or 6 letters long. */
function englishTexts(): string[] {
  const texts = [
    ...Object.values(REPORT_STRINGS.en.summary),
    ...Object.values(REPORT_STRINGS.en.feedback),
    ...Object.values(STATUS_TEXT.en),
    ...Object.values(NOTE_TEXT.en),
  ];
  return texts
    .flatMap((t) => t.split(/\{\{\w+\}\}/))
    .map((t) => t.replace(/^[\s:;,.()—·/"']+|[\s:;,.()—·/"']+$/g, ''))
    .filter((t) => /[a-z]{3}/i.test(t) && (t.includes(' ') || t.length >= 6));
}

/** What a reader sees: the page without its style sheet and tags. */
function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
}

describe('reports in the instructor’s language', () => {
  it('has every note and report text in both languages, and words a status by its own name in Russian', () => {
    expect(Object.keys(NOTE_TEXT.ru).sort()).toEqual(Object.keys(NOTE_TEXT.en).sort());
    expect(Object.keys(STATUS_TEXT.ru).sort()).toEqual(Object.keys(STATUS_TEXT.en).sort());
    const deep = note('file_problem', { source: 'deep.json', reason: 'JSON nested more than 64 levels deep', status: 'too_deep' });
    expect(wordNote(deep, 'en')).toBe('deep.json: JSON nested more than 64 levels deep');
    expect(wordNote(deep, 'ru')).toBe('deep.json: слишком глубокая вложенность');
    expect(wordNote(note('other_claims', { source: 'm/a.json', flag: 'clock_skew' }), 'ru')).toBe(
      'другой файл называет себя работой этого студента (m/a.json, время в будущем: решите сами); он не засчитан',
    );
  });

  it('writes summary.html in Russian with Russian statuses, notes, titles and problems, and none of the English texts', () => {
    const ru = summaryHtml(gradebook, 'ru');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Итоги проверки');
    expect(ru).toContain('Жизненный цикл заказа');
    expect(ru).toContain('заменена более новой работой ann-2.replayground.json');
    expect(ru).toContain('deep.replayground.json: слишком глубокая вложенность');
    expect(ru).toContain('найдено в папке «mallory/», но файл называет студента «alice»');
    expect(ru).toContain('упражнения «nope» нет');
    expect(ru).toContain(STATUS_TEXT.ru.identity_mismatch);
    for (const english of englishTexts()) expect(visibleText(ru), english).not.toContain(english);

    const en = summaryHtml(gradebook, 'en');
    expect(en).toContain('Grading summary');
    expect(en).toContain('superseded by the newer submission ann-2.replayground.json');
    expect(en).toContain('--exercise nope: no such exercise');
  });

  it('writes the feedback files in Russian; test names and failure messages stay the suites’ own', () => {
    const html = feedbackHtml([graded], 'ru');
    const md = feedbackMarkdown([graded], 'ru');
    for (const text of [html, md]) {
      expect(text).toContain('Отзыв для Ann (ann)');
      expect(text).toContain('Видимые тесты');
      expect(text).toContain('Скрытые тесты');
      expect(text).toContain('самая новая из 2 сданных работ');
      expect(text).toContain('pays an order');
      for (const english of englishTexts()) expect(visibleText(text), english).not.toContain(english);
    }
    expect(feedbackHtml([graded], 'en')).toContain('Feedback for Ann (ann)');
  });

  it('writes every report and the CSV notes in the gradebook’s language', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-reports-ru-'));
    const ruBook = Gradebook.parse({ ...gradebook, lang: 'ru', entries: gradebook.entries.map((e) => ({ ...e, notes: wordNotes(e.note_codes ?? [], 'ru') })) });
    writeReports(out, ruBook);
    expect(fs.readFileSync(path.join(out, 'summary.html'), 'utf8')).toContain('Итоги проверки');
    expect(fs.readFileSync(path.join(out, 'feedback', 'ann.html'), 'utf8')).toContain('Отзыв для');
    const csv = fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8');
    expect(csv).toContain('заменена более новой работой');
    expect(csv).not.toContain('superseded by');
  });
});

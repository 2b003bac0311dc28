// The words of grading, in English and Russian: each row status, and each note the grader attaches to
// a row (a code with parameters, worded here). The grader writes notes as codes; the reports and the
// CSV word them in the instructor's language, and the Instructor page words the same codes in the UI's
// language. `ru` is typed by `en`, so a missing text is a compile error. No node imports: the renderer
// reads this too.
import { z } from 'zod';
import type { RowStatus } from './rowStatus';

export type GradingLang = 'en' | 'ru';

export const STATUS_TEXT: Record<GradingLang, Record<RowStatus, string>> = {
  en: {
    graded: 'graded', hash_mismatch: 'exercise version differs', compile_error: 'compile error', timeout: 'timeout',
    runner_error: 'runner error', malformed: 'malformed file', bad_checksum: 'bad checksum', unknown_exercise: 'unknown exercise',
    superseded: 'superseded (older duplicate)', empty: 'empty', not_selected: 'other exercise',
    too_deep: 'nested too deep', too_large: 'file too large', not_utf8: 'not UTF-8 text', unreadable: 'cannot be read',
    not_a_file: 'not a file', symlink: 'link, skipped', identity_mismatch: 'another student’s folder: you decide',
    clock_skew: 'time in the future: you decide',
  },
  ru: {
    graded: 'проверено', hash_mismatch: 'другая версия упражнения', compile_error: 'ошибка компиляции', timeout: 'превышено время',
    runner_error: 'сбой запуска', malformed: 'повреждённый файл', bad_checksum: 'неверная контрольная сумма', unknown_exercise: 'неизвестное упражнение',
    superseded: 'заменена более новой', empty: 'пусто', not_selected: 'другое упражнение',
    too_deep: 'слишком глубокая вложенность', too_large: 'файл слишком большой', not_utf8: 'не текст UTF-8', unreadable: 'не читается',
    not_a_file: 'не файл', symlink: 'ссылка, пропущена', identity_mismatch: 'в папке другого студента: решите сами',
    clock_skew: 'время в будущем: решите сами',
  },
};

const en = {
  /** A file or folder that could not be taken; {{reason}} is the reader's English detail, {{status}} a row status. */
  file_problem: '{{source}}: {{reason}}',
  could_not_read: '{{source}}: could not be read ({{reason}})',
  exercise_folder_empty: 'exercise folder holds no files',
  student_folder_empty: 'student folder is empty',
  bad_checksum: '{{source}}: checksum does not match the content (changed or damaged after hand-in); not graded',
  version_differs: "exercise content differs from the instructor's copy (another version?); graded against the instructor's copy",
  editable_unusable: '{{path}}: {{reason}}',
  folder_instead_of_file: '{{path}}: a folder where the file {{file}} should be',
  skipped_files: 'skipped: {{list}}',
  no_expected_files: 'none of the expected files found ({{files}})',
  ignored_files: 'ignored files that are not editable in this exercise: {{files}}',
  starter_used: '{{file}} missing: the starter file was used',
  identity_mismatch: 'found in the folder "{{folder}}/" but the file says it is student "{{student}}"\'s; scored, not counted: you decide',
  clock_skew: 'its time {{at}} is in the future (grading ran at {{now}}); scored, not counted: you decide',
  unknown_exercise: 'no exercise "{{exercise}}" here (known: {{known}})',
  not_selected: 'not graded: only "{{exercise}}" was selected',
  newest_of: 'newest of {{count}} submissions; also received: {{others}}',
  superseded_by: 'superseded by the newer submission {{source}} ({{at}})',
  counted_instead: 'the submission that counts for this student is {{source}}',
  other_claims: "another file claims to be this student's ({{source}}, {{flag}}); it was not counted",
  ignored_results: "ignored {{count}} test result(s) that are not in the instructor's suites",
  compile_error: 'compile error: {{detail}}',
  timeout: 'stopped at the time limit: {{detail}}',
  runner_error: 'runner error: {{detail}}',
  // Problems of the whole grading (gradebook.problems).
  no_input: 'no submission files or student folders found in the input',
  no_such_exercise: '--exercise {{exercise}}: no such exercise',
  /** A problem reported by the exercise packages or a run, in its author's words. */
  text: '{{text}}',
};
export type NoteCode = keyof typeof en;

const ru: typeof en = {
  file_problem: '{{source}}: {{statusText}}',
  could_not_read: '{{source}}: не удалось прочитать',
  exercise_folder_empty: 'в папке упражнения нет файлов',
  student_folder_empty: 'папка студента пуста',
  bad_checksum: '{{source}}: контрольная сумма не совпадает с содержимым (файл изменён или повреждён после сдачи); не проверялся',
  version_differs: 'упражнение отличается от копии преподавателя (другая версия?); проверено по копии преподавателя',
  editable_unusable: '{{path}}: {{statusText}}',
  folder_instead_of_file: '{{path}}: папка на месте файла {{file}}',
  skipped_files: 'пропущено: {{paths}}',
  no_expected_files: 'нет ни одного ожидаемого файла ({{files}})',
  ignored_files: 'пропущены файлы, которые в этом упражнении не редактируются: {{files}}',
  starter_used: 'нет файла {{file}}: взята заготовка',
  identity_mismatch: 'найдено в папке «{{folder}}/», но файл называет студента «{{student}}»; балл посчитан, но не засчитан: решите сами',
  clock_skew: 'время сдачи {{at}} в будущем (проверка шла {{now}}); балл посчитан, но не засчитан: решите сами',
  unknown_exercise: 'упражнения «{{exercise}}» здесь нет (есть: {{known}})',
  not_selected: 'не проверялось: выбрано только «{{exercise}}»',
  newest_of: 'самая новая из {{count}} сданных работ; также получены: {{others}}',
  superseded_by: 'заменена более новой работой {{source}} ({{at}})',
  counted_instead: 'у этого студента засчитывается работа {{source}}',
  other_claims: 'другой файл называет себя работой этого студента ({{source}}, {{flagText}}); он не засчитан',
  ignored_results: 'пропущено результатов тестов, которых нет в наборах преподавателя: {{count}}',
  compile_error: 'ошибка компиляции: {{detail}}',
  timeout: 'остановлено по лимиту времени',
  runner_error: 'сбой запуска: {{detail}}',
  no_input: 'во входной папке нет ни файлов работ, ни папок студентов',
  no_such_exercise: 'упражнения «{{exercise}}» нет',
  text: '{{text}}',
};

export const NOTE_TEXT: Record<GradingLang, Record<NoteCode, string>> = { en, ru };

const noteCodes = Object.keys(en) as [NoteCode, ...NoteCode[]];
/** A note on a gradebook row: a code and its parameters (file names, ids, times, the reader's detail). */
export const Note = z.object({ code: z.enum(noteCodes), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type Note = z.infer<typeof Note>;

export function note(code: NoteCode, params: Record<string, string | number> = {}): Note {
  return { code, params };
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

function isStatus(value: unknown): value is RowStatus {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_TEXT.en, value);
}

/** One note in a language. A status parameter is worded too (Russian says the status, not the reader's English detail). */
export function wordNote(n: Note, lang: GradingLang): string {
  const status = n.params.status;
  const flag = n.params.flag;
  return fill(NOTE_TEXT[lang][n.code], {
    ...n.params,
    statusText: isStatus(status) ? STATUS_TEXT[lang][status] : String(status ?? ''),
    flagText: isStatus(flag) ? STATUS_TEXT[lang][flag] : String(flag ?? ''),
  });
}

/** A row's notes as one line (the CSV's notes column). */
export function wordNotes(notes: readonly Note[], lang: GradingLang): string {
  return notes.map((n) => wordNote(n, lang)).join('; ');
}

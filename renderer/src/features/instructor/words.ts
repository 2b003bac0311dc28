// A gradebook row's notes and an exercise's title in the page's language: notes from their codes
// (older gradebooks carry only the worded line), titles from the pair the grader records.
import { wordNote, wordNotes } from '@common/gradingWords';
import type { Gradebook, GradebookEntry } from './gradingStore';

export function rowNotes(e: GradebookEntry, lang: string): string {
  return e.note_codes ? wordNotes(e.note_codes, lang === 'ru' ? 'ru' : 'en') : e.notes;
}

export function exerciseTitle(x: Gradebook['exercises'][number], lang: string): string {
  return x.titles?.[lang === 'ru' ? 'ru' : 'en'] ?? x.title;
}

export function gradebookProblems(g: Gradebook, lang: string): string[] {
  return g.problem_codes ? g.problem_codes.map((p) => wordNote(p, lang === 'ru' ? 'ru' : 'en')) : g.problems;
}

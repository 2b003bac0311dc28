// Writes every output file of a grading into one folder: gradebook.csv/.json, gradebook-wide.csv (each CSV
// also ';'-separated for Excel in comma-decimal locales), feedback/<student>.html/.md, summary.html and
// similarity.html. Each file is written whole (temp file + rename) so a crash never leaves half a report.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileWhole } from '../../files/writeFileWhole';
import { Gradebook } from '../../common/gradebook';
import { gradebookCsv } from '../../common/gradebookCsv';
import { gradebookWideCsv } from '../../common/wideGradebook';
import { feedbackHtml, feedbackMarkdown } from './feedback';
import { summaryHtml } from './summary';
import { similarityHtml } from './similarity';
import type { ReportLang } from './strings';
import { SEMICOLON } from '../../common/spreadsheet';

export interface WrittenReports {
  outDir: string;
  files: string[];
}

export interface ReportOptions {
  /** The instructor's language for the worded reports (summary, feedback, similarity); default: the gradebook's. */
  lang?: ReportLang;
}

export function writeReports(outDir: string, gradebook: Gradebook, options: ReportOptions = {}): WrittenReports {
  const checked = Gradebook.parse(gradebook);
  const lang = options.lang ?? checked.lang ?? 'en';
  const files: string[] = [];
  const put = (rel: string, text: string) => {
    const file = path.join(outDir, rel);
    writeFileWhole(file, text);
    files.push(rel);
  };
  put('gradebook.csv', gradebookCsv(checked.entries));
  put('gradebook-wide.csv', gradebookWideCsv(checked));
  put('gradebook-semicolon.csv', gradebookCsv(checked.entries, SEMICOLON));
  put('gradebook-wide-semicolon.csv', gradebookWideCsv(checked, SEMICOLON));
  put('gradebook.json', `${JSON.stringify(checked, null, 2)}\n`);
  const byFeedback = new Map<string, typeof checked.entries>();
  for (const e of checked.entries) if (e.feedback) byFeedback.set(e.feedback, [...(byFeedback.get(e.feedback) ?? []), e]);
  for (const [name, entries] of byFeedback) {
    put(`feedback/${name}.html`, feedbackHtml(entries, lang));
    put(`feedback/${name}.md`, feedbackMarkdown(entries, lang));
  }
  put('summary.html', summaryHtml(checked, lang));
  if (checked.similarity) put('similarity.html', similarityHtml(checked, lang));
  return { outDir: path.resolve(outDir), files };
}

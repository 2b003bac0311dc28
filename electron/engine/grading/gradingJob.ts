// One grading from start to reports: what the CLI and the app's grading.start both call, so the two
// produce the same files. Holds the graded code per entry for "open the student's code".
import fs from 'node:fs';
import path from 'node:path';
import { grade, type GradeOptions } from './grader';
import type { Gradebook } from '../common/gradebook';
import { writeReports, type WrittenReports } from './reports/writeReports';
import type { ReportLang } from './reports/strings';

/** The grader's options (the job collects the graded files itself) and where the reports go. */
export interface GradingJobOptions extends Omit<GradeOptions, 'onEntryFiles'> {
  outDir: string;
  /** The instructor's language for the worded reports. */
  lang?: ReportLang;
}

export interface GradingJobResult {
  gradebook: Gradebook;
  reports: WrittenReports;
  /** entry source → the editable files that were graded (read on demand: a class is not kept in memory twice) */
  code: Map<string, () => Record<string, string>>;
  /** Milliseconds per phase: catalog, discover, runs, similarity, reports. */
  timings: Record<string, number>;
}

export async function runGradingJob(options: GradingJobOptions): Promise<GradingJobResult> {
  if (!fs.existsSync(options.input)) throw Object.assign(new Error(`Input not found: ${options.input}`), { code: 'NOT_FOUND' });
  const code = new Map<string, () => Record<string, string>>();
  const timings: Record<string, number> = {};
  const gradebook = await grade({ ...options, timings, onEntryFiles: (source, files) => code.set(source, files) });
  const started = performance.now();
  const reports = writeReports(path.resolve(options.outDir), gradebook, { lang: options.lang });
  timings.reports = Math.round(performance.now() - started);
  return { gradebook, reports, code, timings };
}

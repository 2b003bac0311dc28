// Opening a past grading again: its gradebook comes back from the gradebook.json it wrote, the list of
// report files from its output folder, and each graded student's code from the input folder it graded
// (read on demand, only from inside that folder). Nothing is re-run.
import fs from 'node:fs';
import path from 'node:path';
import { FLAGGED_STATUSES, GRADED_STATUSES, Gradebook, type GradebookEntry } from '../common/gradebook';
import { readSubmissionFile } from './submissionFile';

/** The largest file read back as a student's code. */
const MAX_CODE_FILE_BYTES = 1024 * 1024;

export type PastGradingProblem = { kind: 'missing' | 'damaged'; path: string; reason: string };

export interface PastGrading {
  gradebook: Gradebook;
  files: string[];
  code: Map<string, () => Record<string, string>>;
}

/** Reads a past grading's reports; a problem (deleted folder, edited file) is a value, never a throw. */
export function readPastGrading(inputDir: string, outDir: string): PastGrading | PastGradingProblem {
  const file = path.join(outDir, 'gradebook.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { kind: 'missing', path: file, reason: (err as Error).message };
  }
  let gradebook: Gradebook;
  try {
    gradebook = Gradebook.parse(JSON.parse(text));
  } catch (err) {
    return { kind: 'damaged', path: file, reason: (err as Error).message.split('\n')[0] ?? '' };
  }
  const code = new Map<string, () => Record<string, string>>();
  for (const entry of gradebook.entries) {
    if (GRADED_STATUSES.has(entry.status) || FLAGGED_STATUSES.has(entry.status)) code.set(entry.source, () => readCode(inputDir, entry));
  }
  return { gradebook, files: reportFiles(outDir), code };
}

function reportFiles(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) walk(path.join(dir, d.name), `${rel}${d.name}/`);
      else if (d.isFile()) out.push(`${rel}${d.name}`);
    }
  };
  try {
    walk(outDir, '');
  } catch {
    // A folder that cannot be listed lists nothing; the gradebook itself was read.
  }
  return out.sort();
}

/** The student's code as it is in the input folder now: the submission file's files, or the folder's files. */
function readCode(inputDir: string, entry: GradebookEntry): Record<string, string> {
  const root = path.resolve(inputDir);
  const single = fs.statSync(root).isFile();
  const abs = single ? root : path.resolve(root, entry.source);
  if (!single && abs !== root && !abs.startsWith(root + path.sep)) throw new Error(`${entry.source} lies outside the graded folder`);
  if (entry.kind === 'file') {
    const read = readSubmissionFile(abs);
    if (read.kind === 'malformed') throw new Error(read.reason);
    return Object.fromEntries(read.submission.files.map((f) => [f.path, f.content]));
  }
  const out: Record<string, string> = {};
  for (const d of fs.readdirSync(abs, { withFileTypes: true })) {
    const p = path.join(abs, d.name);
    if (d.isFile() && fs.statSync(p).size <= MAX_CODE_FILE_BYTES) out[d.name] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

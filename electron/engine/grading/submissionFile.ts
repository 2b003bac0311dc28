// Writing, reading and verifying submission files. The checksum is SHA-256 over the canonical JSON
// of every field except `checksum`; it detects damage and casual edits (it is not a signature).
import path from 'node:path';
import { writeFileWhole } from '../files/writeFileWhole';
import { canonicalJson } from './canonicalJson';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './jsonDepth';
import { readTextFile, type FileProblem } from './safeRead';
import { sha256Hex } from './sha256';
import {
  MAX_SUBMISSION_BYTES,
  Submission,
  UnsignedSubmission,
  type UnsignedSubmissionInput,
} from './submissionSchema';

export const SUBMISSION_EXTENSION = '.replayground.json';

export function submissionChecksum(body: UnsignedSubmission): string {
  return sha256Hex(canonicalJson(body));
}

/** Validates the body and adds its checksum; throws a ZodError naming the field when the data is wrong. */
export function sealSubmission(input: UnsignedSubmissionInput): Submission {
  const body = UnsignedSubmission.parse(input);
  return Submission.parse({ ...body, checksum: { algorithm: 'sha256', value: submissionChecksum(body) } });
}

export function serializeSubmission(submission: Submission): string {
  return `${JSON.stringify(Submission.parse(submission), null, 2)}\n`;
}

/** `<student>-<exercise>-<date>.replayground.json`, every part reduced to safe characters. */
export function submissionFileName(studentId: string, exerciseId: string, at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const stamp = d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-');
  return `${sanitizeNamePart(studentId)}-${sanitizeNamePart(exerciseId)}-${stamp}${SUBMISSION_EXTENSION}`;
}

/** Keeps letters (any script), digits, '-', '_', '.'; everything else becomes '_'. Never empty, never a dot name. */
export function sanitizeNamePart(part: string): string {
  const cleaned = part
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 60);
  return cleaned.length > 0 ? cleaned : 'student';
}

/** Makes a user-chosen file name safe and gives it the submission extension. */
export function sanitizeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.replayground\.json$|\.json$/i, '');
  return `${sanitizeNamePart(base)}${SUBMISSION_EXTENSION}`;
}

export function writeSubmission(dir: string, submission: Submission, fileName?: string): string {
  const name = fileName ? sanitizeFileName(fileName) : submissionFileName(submission.student.id, submission.exercise.id, submission.createdAt);
  return writeSubmissionAs(path.join(dir, name), submission);
}

/** Writes the file whole at exactly this path (temp file + rename), making its folder if needed. */
export function writeSubmissionAs(file: string, submission: Submission): string {
  writeFileWhole(file, serializeSubmission(submission));
  return file;
}

/** Why a file is not a readable submission: the row's status. */
export type SubmissionProblem = 'malformed' | 'too_deep' | FileProblem;

export type ReadOutcome =
  | { kind: 'ok'; submission: Submission; checksumOk: true }
  | { kind: 'bad_checksum'; submission: Submission; checksumOk: false; expected: string; actual: string }
  | { kind: 'malformed'; status: SubmissionProblem; reason: string };

const malformed = (reason: string, status: SubmissionProblem = 'malformed'): ReadOutcome => ({ kind: 'malformed', status, reason });

/** Parses and verifies submission text. Never throws: every problem is a value the grader can report. */
export function parseSubmission(text: string): ReadOutcome {
  if (Buffer.byteLength(text, 'utf8') > MAX_SUBMISSION_BYTES) return malformed(`file larger than ${MAX_SUBMISSION_BYTES} bytes`, 'too_large');
  if (exceedsJsonDepth(text)) return malformed(`JSON nested more than ${MAX_JSON_DEPTH} levels deep; not read further`, 'too_deep');
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      return malformed(`not valid JSON (${(err as Error).message})`);
    }
    const parsed = Submission.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      return malformed(`not a valid submission (${first.join('; ')})`);
    }
    return verifySubmission(parsed.data);
  } catch (err) {
    // Last line of defence: whatever a hostile file makes the parser or the checksum do, it is this file's row.
    return malformed(`could not be checked (${(err as Error).message})`);
  }
}

export function verifySubmission(submission: Submission): ReadOutcome {
  const { checksum, ...body } = submission;
  const actual = submissionChecksum(UnsignedSubmission.parse(body));
  if (actual !== checksum.value) return { kind: 'bad_checksum', submission, checksumOk: false, expected: checksum.value, actual };
  return { kind: 'ok', submission, checksumOk: true };
}

/** Reads and verifies a submission file; a link, folder, pipe, unreadable, oversized or non-UTF-8 file is a value too. */
export function readSubmissionFile(file: string): ReadOutcome {
  const read = readTextFile(file, MAX_SUBMISSION_BYTES);
  if (!read.ok) return malformed(read.reason, read.status);
  return parseSubmission(read.text);
}

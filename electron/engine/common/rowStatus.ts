// What became of one submission in a grading run: the row statuses shared by the gradebook,
// the reports and the words for them (its own module so neither imports the other).
import { z } from 'zod';

export const RowStatus = z.enum([
  'graded', // ran; score is what the code earned
  'hash_mismatch', // ran against the instructor's copy, but the student had a different version of the exercise
  'compile_error', // the code could not be built; 0 points
  'timeout', // the run was stopped at the time limit; tests that did not finish count as errored
  'runner_error', // the sandbox failed for another reason
  'malformed', // not a readable submission file
  'bad_checksum', // content changed after hand-in
  'unknown_exercise', // no such exercise on the instructor's machine
  'superseded', // an older duplicate; the newest one was graded
  'empty', // a folder without the expected files
  'not_selected', // another exercise than the one selected with --exercise
  'too_deep', // JSON nested deeper than the limit; not read further
  'too_large', // a file bigger than the limit
  'not_utf8', // not UTF-8 text
  'unreadable', // the file or folder could not be read (permissions, I/O error)
  'not_a_file', // a folder, pipe or device where a file should be
  'symlink', // a symbolic link (file or folder); skipped, never followed
  'identity_mismatch', // found in another student's folder; scored, not counted: the instructor decides
  'clock_skew', // its time lies in the future; scored, not counted: the instructor decides
]);
export type RowStatus = z.infer<typeof RowStatus>;

// The hostile corpus for grading: a class folder holding every way one hand-in can go wrong as a file
// (too deep, too large, not UTF-8, a folder or a pipe where a file should be, links, unreadable files and
// folders) and as an identity (another student's folder, a time in the future). Each case says which row
// it must become; the honest students around them must still be graded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EDITABLE, EXERCISE_ID, makeSubmission, variant } from './fixtureClass';
import { serializeSubmission } from '../../../electron/engine/grading';

export interface HostileCase {
  /** The row's source in the gradebook. */
  source: string;
  student_id: string;
  status: string;
  /** What the row's notes must say (the file and the reason). */
  notes: RegExp;
  /** 'max' when the row must carry the solution's full score. */
  score?: 'max' | null;
}

const write = (file: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

/** Latin-1 bytes of Russian text: what an old editor saves; not UTF-8. */
const latin1 = Buffer.from([0x2f, 0x2f, 0x20, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0a]);

/**
 * Builds the class. `unreadable` adds a file and a folder with mode 000: only meaningful when the grader
 * runs as a user the permissions apply to (the test drops root's privileges for that).
 */
export function buildHostileClass(dir: string, opts: { unreadable: boolean }): HostileCase[] {
  fs.mkdirSync(dir, { recursive: true });
  const solution = variant('solution');
  const cases: HostileCase[] = [];

  // Honest students: they must be graded, whatever sits next to them.
  write(path.join(dir, 'alice', 'alice.replayground.json'), serializeSubmission(makeSubmission('alice', solution, { name: 'Alice Real', createdAt: '2026-11-20T10:00:00.000Z' })));
  cases.push({ source: 'alice/alice.replayground.json', student_id: 'alice', status: 'graded', notes: /another file claims to be this student's \(mallory\/alice-2099\.replayground\.json, identity_mismatch\)/, score: 'max' });
  write(path.join(dir, 'bob-1.replayground.json'), serializeSubmission(makeSubmission('bob', solution, { name: 'Bob', createdAt: '2026-11-20T10:00:00.000Z' })));
  cases.push({ source: 'bob-1.replayground.json', student_id: 'bob', status: 'graded', notes: /another file claims.*bob-2\.replayground\.json, clock_skew/, score: 'max' });

  // #14 item 7: JSON nested 3,000 levels deep (it used to overflow the stack of the checksum code).
  const deep = serializeSubmission(makeSubmission('deep', variant('starter'))).replace(
    '"quizAttempts": []',
    `"quizAttempts": [{"quizId":"q","at":"2026-11-20T10:00:00Z","score":1,"maxScore":1,"answers":${'['.repeat(3000)}${']'.repeat(3000)}}]`,
  );
  write(path.join(dir, 'deep.replayground.json'), deep);
  cases.push({ source: 'deep.replayground.json', student_id: '', status: 'too_deep', notes: /deep\.replayground\.json: JSON nested more than 64 levels/ });

  write(path.join(dir, 'big.replayground.json'), `{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`);
  cases.push({ source: 'big.replayground.json', student_id: '', status: 'too_large', notes: /big\.replayground\.json: \d+ bytes, more than the limit/ });

  write(path.join(dir, 'latin1.replayground.json'), latin1);
  cases.push({ source: 'latin1.replayground.json', student_id: '', status: 'not_utf8', notes: /latin1\.replayground\.json: not UTF-8/ });

  fs.mkdirSync(path.join(dir, 'folder.replayground.json'));
  cases.push({ source: 'folder.replayground.json/', student_id: '', status: 'not_a_file', notes: /folder\.replayground\.json\/: a folder where a submission file should be/ });

  // A pipe: reading it would wait forever for a writer.
  execFileSync('mkfifo', [path.join(dir, 'pipe.replayground.json')]);
  cases.push({ source: 'pipe.replayground.json', student_id: '', status: 'not_a_file', notes: /pipe\.replayground\.json: not a regular file/ });

  fs.symlinkSync(path.join(dir, 'bob-1.replayground.json'), path.join(dir, 'link.replayground.json'));
  cases.push({ source: 'link.replayground.json', student_id: '', status: 'symlink', notes: /link\.replayground\.json: symbolic link to .*skipped/ });

  fs.mkdirSync(path.join(dir, '..', 'elsewhere', EXERCISE_ID), { recursive: true });
  write(path.join(dir, '..', 'elsewhere', EXERCISE_ID, EDITABLE), solution);
  fs.symlinkSync(path.join(dir, '..', 'elsewhere'), path.join(dir, 'linked-student'));
  cases.push({ source: 'linked-student', student_id: 'linked-student', status: 'symlink', notes: /linked-student: symbolic link to .*elsewhere; skipped/ });

  // Student folders (an LMS download) with a bad editable file.
  fs.symlinkSync('/etc/passwd', path.join(mkdir(dir, 'dave', EXERCISE_ID), EDITABLE));
  cases.push({ source: `dave/${EXERCISE_ID}/`, student_id: 'dave', status: 'symlink', notes: /OrderAggregate\.ts: symbolic link to \/etc\/passwd/ });
  fs.mkdirSync(path.join(mkdir(dir, 'erin', EXERCISE_ID), EDITABLE));
  cases.push({ source: `erin/${EXERCISE_ID}/`, student_id: 'erin', status: 'not_a_file', notes: /OrderAggregate\.ts: a folder where the file OrderAggregate\.ts should be/ });
  write(path.join(mkdir(dir, 'frank', EXERCISE_ID), EDITABLE), latin1);
  cases.push({ source: `frank/${EXERCISE_ID}/`, student_id: 'frank', status: 'not_utf8', notes: /OrderAggregate\.ts: not UTF-8/ });
  write(path.join(mkdir(dir, 'gina', EXERCISE_ID), EDITABLE), `// ${'x'.repeat(1_100_000)}\n`);
  cases.push({ source: `gina/${EXERCISE_ID}/`, student_id: 'gina', status: 'too_large', notes: /OrderAggregate\.ts: \d+ bytes, more than the limit/ });
  execFileSync('mkfifo', [path.join(mkdir(dir, 'ivan', EXERCISE_ID), EDITABLE)]);
  cases.push({ source: `ivan/${EXERCISE_ID}/`, student_id: 'ivan', status: 'not_a_file', notes: /OrderAggregate\.ts: not a regular file/ });

  // #14 item 8: a file in mallory/ claiming to be alice's, dated 2099; and bob's own file dated 2099.
  write(path.join(dir, 'mallory', 'alice-2099.replayground.json'), serializeSubmission(makeSubmission('alice', variant('starter'), { name: 'Mallory', createdAt: '2099-01-01T00:00:00.000Z' })));
  cases.push({ source: 'mallory/alice-2099.replayground.json', student_id: 'alice', status: 'identity_mismatch', notes: /found in the folder "mallory\/" but the file says it is student "alice"'s.*counts for this student is alice\/alice\.replayground\.json/ });
  write(path.join(dir, 'bob-2.replayground.json'), serializeSubmission(makeSubmission('bob', variant('starter'), { name: 'Bob', createdAt: '2099-01-01T00:00:00.000Z' })));
  cases.push({ source: 'bob-2.replayground.json', student_id: 'bob', status: 'clock_skew', notes: /time 2099-01-01T00:00:00\.000Z is in the future/ });

  // #14 item 9: the wide gradebook takes the name from the graded row, not the superseded one (which sorts first).
  write(path.join(dir, 'carl-a.replayground.json'), serializeSubmission(makeSubmission('carl', variant('starter'), { name: 'Old Typo Name', createdAt: '2026-11-20T09:00:00.000Z' })));
  cases.push({ source: 'carl-a.replayground.json', student_id: 'carl', status: 'superseded', notes: /superseded by the newer submission carl-b/ });
  write(path.join(dir, 'carl-b.replayground.json'), serializeSubmission(makeSubmission('carl', solution, { name: 'Carl Right', createdAt: '2026-11-20T11:00:00.000Z' })));
  cases.push({ source: 'carl-b.replayground.json', student_id: 'carl', status: 'graded', notes: /newest of 2/, score: 'max' });

  if (opts.unreadable) {
    write(path.join(dir, 'locked.replayground.json'), serializeSubmission(makeSubmission('locked', solution)));
    fs.chmodSync(path.join(dir, 'locked.replayground.json'), 0o000);
    cases.push({ source: 'locked.replayground.json', student_id: '', status: 'unreadable', notes: /locked\.replayground\.json: cannot be read \(EACCES\)/ });
    write(path.join(dir, 'henry', EXERCISE_ID, EDITABLE), solution);
    fs.chmodSync(path.join(dir, 'henry'), 0o000);
    cases.push({ source: 'henry/', student_id: 'henry', status: 'unreadable', notes: /henry\/: folder cannot be read \(EACCES\)/ });
  }
  return cases;
}

function mkdir(...parts: string[]): string {
  const p = path.join(...parts);
  fs.mkdirSync(p, { recursive: true });
  return p;
}

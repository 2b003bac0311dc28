import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  exerciseContentHash,
  hashExerciseFolder,
  parseSubmission,
  readSubmissionFile,
  sealSubmission,
  serializeSubmission,
  submissionFileName,
  writeSubmission,
  type UnsignedSubmissionInput,
} from '../../../electron/engine/grading';

const body = (): UnsignedSubmissionInput => ({
  format: 'replayground-submission',
  formatVersion: 1,
  student: { name: 'Анна Смирнова', id: 's-001' },
  exercise: { id: 'orders-lifecycle', contentHash: 'a'.repeat(64) },
  files: [{ path: 'OrderAggregate.ts', content: 'export class OrderAggregate {}\n' }],
  runs: [{ at: '2026-11-20T10:00:00.000Z', codeHash: 'b'.repeat(64), status: 'fail', passed: 3, failed: 2, total: 5, points: 3, maxPoints: 5, durationMs: 42 }],
  hintUnlocks: [{ index: 0, at: '2026-11-20T09:00:00.000Z' }],
  quizAttempts: [{ quizId: 'event-sourcing', at: '2026-11-19T09:00:00.000Z', score: 7, maxScore: 10 }],
  appVersion: '0.1.0',
  createdAt: '2026-11-20T10:05:00.000Z',
});

describe('submission files', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 'x', c: null }] })).toBe(canonicalJson({ a: [2, { c: null, d: 'x' }], b: 1 }));
    expect(canonicalJson({ a: undefined, b: 'é' })).toBe('{"b":"é"}');
  });

  it('a sealed submission round-trips through its file and verifies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-sub-'));
    const sealed = sealSubmission(body());
    const file = writeSubmission(dir, sealed);
    expect(path.basename(file)).toBe('s-001-orders-lifecycle-2026-11-20T10-05-00Z.replayground.json');
    const read = readSubmissionFile(file);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(read.submission).toEqual(sealed);
  });

  it('any change after sealing is a bad checksum, whatever the key order', () => {
    const sealed = sealSubmission(body());
    const tampered = JSON.parse(serializeSubmission(sealed));
    tampered.files[0].content += '// edited\n';
    expect(parseSubmission(JSON.stringify(tampered)).kind).toBe('bad_checksum');
    const reordered = Object.fromEntries(Object.entries(JSON.parse(serializeSubmission(sealed))).reverse());
    expect(parseSubmission(JSON.stringify(reordered)).kind).toBe('ok');
  });

  it('broken JSON and wrong shapes are malformed with a reason, never an exception', () => {
    expect(parseSubmission('{"format": ').kind).toBe('malformed');
    const wrong = parseSubmission(JSON.stringify({ ...sealSubmission(body()), files: [{ path: '../../etc/passwd', content: '' }] }));
    expect(wrong).toMatchObject({ kind: 'malformed' });
    if (wrong.kind === 'malformed') expect(wrong.reason).toContain('files.0.path');
  });

  it('writing refuses invalid data', () => {
    expect(() => sealSubmission({ ...body(), student: { name: ' ', id: 's' } })).toThrow();
  });

  it('file names are sanitized', () => {
    expect(submissionFileName('../../evil id', 'ex/1', '2026-01-02T03:04:05.678Z')).toBe('evil_id-ex_1-2026-01-02T03-04-05Z.replayground.json');
  });

  it('the exercise hash ignores line endings, file order and hidden tests', () => {
    const manifest = { id: 'x', editable: ['A.ts'] };
    const a = exerciseContentHash({ manifest, files: [{ path: 'readonly/a.ts', content: 'x\r\ny' }, { path: 'tests/visible/t.ts', content: 't' }] });
    const b = exerciseContentHash({ manifest: { editable: ['A.ts'], id: 'x' }, files: [{ path: 'tests/visible/t.ts', content: 't' }, { path: 'readonly/a.ts', content: 'x\ny' }] });
    expect(a).toBe(b);
    const root = path.resolve(__dirname, '../../../exercises/orders-lifecycle');
    const before = hashExerciseFolder(root);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-ex-'));
    fs.cpSync(root, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'tests/hidden'), { recursive: true, force: true });
    fs.rmSync(path.join(copy, 'solution'), { recursive: true, force: true });
    expect(hashExerciseFolder(copy)).toBe(before);
    fs.appendFileSync(path.join(copy, 'readonly/events.ts'), '\n// changed\n');
    expect(hashExerciseFolder(copy)).not.toBe(before);
  });
});

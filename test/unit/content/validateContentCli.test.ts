// The validate-content command: exit 0 on the shipped content, exit 1 with file/question/field on a mistake.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const run = (...args: string[]) => spawnSync(tsx, ['electron/cli/validateContent.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-content-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('validate-content', () => {
  it('accepts the shipped content', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('ok  04-event-driven');
    expect(result.status).toBe(0);
  });

  it('reports a broken quiz and exits 1', () => {
    const lessons = path.join(tmp, 'lessons');
    fs.cpSync(path.join(repoRoot, 'content/lessons/04-event-driven'), path.join(lessons, '04-event-driven'), { recursive: true });
    const quizPath = path.join(lessons, '04-event-driven/quiz.en.json');
    const quiz = JSON.parse(fs.readFileSync(quizPath, 'utf8'));
    quiz.questions[2].points = 'one';
    fs.writeFileSync(quizPath, JSON.stringify(quiz));
    const result = run('--lessons', lessons, '--exercises', path.join(tmp, 'none'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/04-event-driven\/quiz\.en\.json: question 3 \(questions\[2\] “A disk failure destroys an event-sourced…”\): field points: /);
  });
});

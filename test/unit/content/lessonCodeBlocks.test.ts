// Every TypeScript block in every lesson compiles (strict, each block its own module), so the lesson
// never shows code that does not type-check. Blocks marked ```ts wrong are deliberately broken and skipped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCodeBlocks } from '../../../electron/engine/content/lessonCodeBlocks';
import { typecheckLessonBlocks } from './typecheckLessonBlocks';

const lessonsRoot = path.resolve(import.meta.dirname, '../../../content/lessons');
const lessonFiles = fs
  .readdirSync(lessonsRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(lessonsRoot, d.name))
      .filter((f) => /^lesson\.[a-z]{2}\.md$/.test(f))
      .map((f) => path.join(d.name, f)),
  );

// The lesson's own events.ts/commands.ts must stay in step with the project's order domain:
// every domain event/command is accepted where the lesson's type is expected, and the type names agree.
const domainCompat = `
import type * as Lesson from './events';
import type * as LessonCommands from './commands';
import type * as Domain from '@engine/domain/orders';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameEventTypes: Same<Lesson.OrderEvent['type'], Domain.OrderEvent['type']> = true;
export const events = (e: Domain.OrderEvent): Lesson.OrderEvent => e;
export const pay = (c: Domain.PayOrder): LessonCommands.PayOrder => c;
export const payBack = (c: LessonCommands.PayOrder): Domain.PayOrder => c;
export const create = (c: Domain.CreateOrder): LessonCommands.CreateOrder => c;
export const change = (c: LessonCommands.ChangeOrderAddress): Domain.ChangeOrderAddress => c;
export const code = (c: LessonCommands.OrderErrorCode): Domain.OrderErrorCode => c;
export const codeBack = (c: Domain.OrderErrorCode): LessonCommands.OrderErrorCode => c;
`;

describe('lesson TypeScript blocks', () => {
  it('finds the lessons', () => {
    expect(lessonFiles.length).toBeGreaterThan(0);
  });

  for (const file of lessonFiles) {
    describe(file, () => {
      const markdown = fs.readFileSync(path.join(lessonsRoot, file), 'utf8');
      const titled = new Set(extractCodeBlocks(markdown).map((b) => b.attrs.title));
      const extra: Record<string, string> = titled.has('events.ts') && titled.has('commands.ts') ? { '__domain_compat.ts': domainCompat } : {};
      const reports = typecheckLessonBlocks(markdown, file.replace(/[^a-z0-9]+/gi, '_'), extra);

      it('has TypeScript examples', () => {
        expect(reports.length).toBeGreaterThan(3);
      });
      for (const { block, errors } of reports) {
        const name = block.attrs.title ? `${block.attrs.title} (line ${block.line})` : `block at line ${block.line}`;
        it(`${name} type-checks`, () => {
          expect(errors, `${file} ${name}:\n${errors.join('\n')}`).toEqual([]);
        });
      }
    });
  }

  it('skips blocks marked wrong and sees fences inside admonitions', () => {
    const md = ['```ts wrong', 'const x: number = "no";', '```', '', '!!! tip "T"', '    ```ts', '    export const y = 1;', '    ```'].join('\n');
    const reports = typecheckLessonBlocks(md, 'self-test');
    expect(reports).toHaveLength(1);
    expect(reports[0].block.code).toBe('export const y = 1;');
    expect(reports[0].errors).toEqual([]);
  });

  it('reports a type error with its place', () => {
    const reports = typecheckLessonBlocks('```ts\nexport const n: number = "text";\n```\n', 'self-test-error');
    expect(reports[0].errors.join('\n')).toMatch(/block-line-1\.ts:1:14 TS2322/);
  });
});

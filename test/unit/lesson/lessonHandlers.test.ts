import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../electron/engine/api/context';
import { createLessonHandlers } from '../../../electron/engine/api/handlers/lesson';
import { openProgressDb, type ProgressDb } from '../../../electron/engine/progress';
import { makeResources } from '../quiz/fixture';

let progress: ProgressDb | undefined;
afterEach(() => progress?.close());

function handlers(resourcesDir = makeResources()) {
  progress = openProgressDb(':memory:');
  const ctx: EngineContext = {
    dataDir: ':memory:', resourcesDir, shell: 'test', appVersion: '0', progress, push: () => {}, onClose: () => {},
  };
  return createLessonHandlers(ctx);
}

describe('lesson handlers', () => {
  it('list lessons and serve one with its title in the asked language', async () => {
    const h = handlers();
    expect((await h['lesson.list']({ lang: 'ru' })).lessons).toEqual([{ id: '04-fixture', title: 'Фикстура', order: 4, hasQuiz: true }]);
    const lesson = await h['lesson.get']({ id: '04-fixture', lang: 'en' });
    expect(lesson).toMatchObject({ title: 'Fixture', hasQuiz: true, prev: null, next: null });
    expect(lesson.markdown).toContain('## One');
  });

  it('answer a missing lesson with a content error naming the file', async () => {
    expect(() => handlers()['lesson.get']({ id: '09-nope', lang: 'en' })).toThrow(/09-nope.*lesson\.json/);
  });

  it("highlight the code of the asked language's text, and name the file of a missing lesson or an empty text", async () => {
    const resources = makeResources();
    const lessonDir = path.join(resources, 'content', 'lessons', '04-fixture');
    fs.appendFileSync(path.join(lessonDir, 'lesson.ru.md'), '\n```ts\nconst заказ = 1;\n```\n');
    const h = handlers(resources);
    const [block] = (await h['lesson.code']({ id: '04-fixture', lang: 'ru' })).blocks;
    expect(block).toMatchObject({ lang: 'ts', code: 'const заказ = 1;' });
    expect((await h['lesson.code']({ id: '04-fixture', lang: 'en' })).blocks).toEqual([]);
    await expect(h['lesson.code']({ id: '09-nope', lang: 'en' })).rejects.toMatchObject({ code: 'CONTENT_ERROR', message: expect.stringMatching(/09-nope.*lesson\.json/) });
    fs.writeFileSync(path.join(lessonDir, 'lesson.en.md'), '  \n');
    await expect(h['lesson.code']({ id: '04-fixture', lang: 'en' })).rejects.toMatchObject({ code: 'CONTENT_ERROR', message: expect.stringMatching(/lesson\.en\.md: the lesson is empty/) });
  });

  it('keep reading progress per lesson and language; sections read only accumulate', async () => {
    const h = handlers();
    expect(await h['lesson.progress.get']({ id: '04-fixture', lang: 'en' })).toMatchObject({ updatedAt: null, sectionsRead: [] });
    await h['lesson.progress.set']({ id: '04-fixture', lang: 'en', scrollFraction: 0.4, anchor: 'one', anchorOffset: 30, sectionsRead: ['one'] });
    await h['lesson.progress.set']({ id: '04-fixture', lang: 'en', scrollFraction: 0.5, anchor: 'two', anchorOffset: 0, sectionsRead: ['two'] });
    const saved = await h['lesson.progress.get']({ id: '04-fixture', lang: 'en' });
    expect(saved).toMatchObject({ scrollFraction: 0.5, anchor: 'two', anchorOffset: 0, sectionsRead: ['one', 'two'] });
    expect(saved.updatedAt).toMatch(/^\d{4}-/);
    expect((await h['lesson.progress.get']({ id: '04-fixture', lang: 'ru' })).sectionsRead).toEqual([]);
  });
});

// "Try it" labs: the shipped labs load in both languages and belong to real sections; a broken labs.json
// is reported by validateLessons (and so by npm run validate-content) with the file and the field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLabs, validateLessons } from '../../../electron/engine/content/loadLessons';
import { LAB_TOOLS, localiseLabs, parseLabs, sectionNumbers } from '../../../electron/engine/content/labs';
import { SCENARIO_IDS } from '../../../electron/engine/common/playground';

const root = path.resolve(import.meta.dirname, '../../../content/lessons');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const lab = (patch: object = {}) => ({
  id: 'a-lab',
  section: 1,
  title: { ru: 'Опыт', en: 'A lab' },
  setup: { ru: 'Сделайте так', en: 'Do this' },
  tool: 'saga',
  question: { ru: 'Что будет?', en: 'What happens?' },
  options: [
    { text: { ru: 'Да', en: 'Yes' }, correct: true },
    { text: { ru: 'Нет', en: 'No' }, correct: false },
  ],
  explanation: { ru: 'Потому что.', en: 'Because.' },
  ...patch,
});

describe('lesson labs', () => {
  it('ships labs for lesson 4, each in a real section, with one correct option, in both languages', () => {
    const labs = loadLabs(root, '04-event-driven');
    expect(labs.length).toBeGreaterThanOrEqual(5);
    const sections = sectionNumbers(fs.readFileSync(path.join(root, '04-event-driven/lesson.ru.md'), 'utf8'));
    for (const l of labs) expect(sections).toContain(l.section);
    const [ru, en] = [localiseLabs(labs, 'ru'), localiseLabs(labs, 'en')];
    expect(ru.map((l) => l.id)).toEqual(en.map((l) => l.id));
    expect(ru[0].question).not.toEqual(en[0].question);
  });

  it('sends every scenario lab to a scenario the playground has, and the crash lab compares both sides of the outbox', () => {
    for (const tool of LAB_TOOLS.filter((t) => t.startsWith('scenario:'))) expect(SCENARIO_IDS).toContain(tool.slice('scenario:'.length));
    const crash = loadLabs(root, '04-event-driven').find((l) => l.id === 'crash-between-store-and-relay');
    expect(crash?.tool).toBe('scenario:dual-write-crash');
    expect(crash?.setup.en).toMatch(/Outbox: crash after the commit/);
  });

  it('is linked from the lesson text of its section, in both languages', () => {
    for (const lang of ['ru', 'en']) {
      const md = fs.readFileSync(path.join(root, `04-event-driven/lesson.${lang}.md`), 'utf8');
      const section4 = md.slice(md.indexOf('\n## 4. '), md.indexOf('\n## 5. '));
      expect(section4).toContain('(#lab-crash-between-store-and-relay)');
    }
  });

  it('accepts a good file and reports each kind of mistake with its place', () => {
    expect(parseLabs(JSON.stringify({ labs: [lab()] }), [1]).problems).toEqual([]);
    expect(parseLabs('{', [1]).problems[0]).toMatch(/not valid JSON/);
    expect(parseLabs(JSON.stringify({ labs: [lab({ section: 7 })] }), [1, 2]).problems).toEqual(['labs.0.section: the lesson has no section 7']);
    expect(parseLabs(JSON.stringify({ labs: [lab(), lab()] }), [1]).problems).toEqual(['labs.1.id: "a-lab" is used twice']);
    expect(parseLabs(JSON.stringify({ labs: [lab({ tool: 'teleport' })] }), [1]).problems.join()).toMatch(/labs\.0\.tool/);
    const noneRight = lab({ options: [{ text: { ru: 'А', en: 'A' }, correct: false }, { text: { ru: 'Б', en: 'B' }, correct: false }] });
    expect(parseLabs(JSON.stringify({ labs: [noneRight] }), [1]).problems.join()).toMatch(/labs\.0\.options: exactly one option is correct/);
    expect(parseLabs(JSON.stringify({ labs: [lab({ title: { ru: 'Опыт' } })] }), [1]).problems.join()).toMatch(/labs\.0\.title\.en/);
  });

  it('makes validateLessons report a broken labs.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labs-'));
    tmp.push(dir);
    fs.cpSync(path.join(root, '04-event-driven'), path.join(dir, '04-event-driven'), { recursive: true });
    fs.writeFileSync(path.join(dir, '04-event-driven/labs.json'), JSON.stringify({ labs: [lab({ section: 42 })] }));
    expect(validateLessons(dir).map(String).join('\n')).toMatch(/04-event-driven\/labs\.json: labs\.0\.section: the lesson has no section 42/);
  });
});

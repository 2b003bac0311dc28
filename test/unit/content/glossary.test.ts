// One glossary for the whole course (content/glossary.json): the lesson, the quiz, the exercises'
// task texts, the Russian test names (ruNames) and every UI string say "партиция", "ретранслятор",
// "перебалансировка"… where the English side says partition, relay, rebalance…, and never a variant
// the glossary rules out.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const repo = path.resolve(import.meta.dirname, '../../..');

const Term = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  en: z.string().min(1),
  ru: z.string().min(1),
  enMatch: z.string().optional(),
  ruMatch: z.string().optional(),
  avoidRu: z.array(z.string()).optional(),
  definition: z.strictObject({ en: z.string().min(20), ru: z.string().min(20) }),
});
const Glossary = z.strictObject({ description: z.string(), terms: z.array(Term).min(20) });
const glossary = Glossary.parse(JSON.parse(fs.readFileSync(path.join(repo, 'content/glossary.json'), 'utf8')));

type Pair = { where: string; en: string; ru: string };

/** Every { en: {...}, ru: {...} } string bundle in a strings.ts file, flattened to key paths. */
export function uiStringPairs(file: string): Pair[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const pairs: Pair[] = [];
  const leaves = (node: ts.Expression, prefix: string, out: Map<string, string>) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.set(prefix, node.text);
    else if (ts.isObjectLiteralExpression(node)) {
      for (const prop of node.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : prop.name.getText(source);
        leaves(prop.initializer, prefix ? `${prefix}.${name}` : name, out);
      }
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const byLang = new Map<string, ts.Expression>();
      for (const prop of node.properties) {
        if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && (prop.name.text === 'en' || prop.name.text === 'ru')) {
          byLang.set(prop.name.text, prop.initializer);
        }
      }
      const en = byLang.get('en');
      const ru = byLang.get('ru');
      if (en && ru && ts.isObjectLiteralExpression(en) && ts.isObjectLiteralExpression(ru)) {
        const enLeaves = new Map<string, string>();
        const ruLeaves = new Map<string, string>();
        leaves(en, '', enLeaves);
        leaves(ru, '', ruLeaves);
        for (const [key, text] of enLeaves) {
          const ruText = ruLeaves.get(key);
          if (ruText !== undefined) pairs.push({ where: `${path.relative(repo, file)} ${key}`, en: text, ru: ruText });
        }
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pairs;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && keep(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

const uiFiles = filesUnder(path.join(repo, 'renderer/src'), (n) => n === 'strings.ts' || n === 'shellStrings.ts');
const uiPairs = uiFiles.flatMap(uiStringPairs);

type Localised = { ru: string; en: string };
function exercisePairs(): Pair[] {
  const root = path.join(repo, 'exercises');
  return fs.readdirSync(root).flatMap((id) => {
    const file = path.join(root, id, 'exercise.json');
    if (!fs.existsSync(file)) return [];
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { title: Localised; summary: Localised; description: Localised; hints?: Localised[] };
    const texts: Array<[string, Localised]> = [
      ['title', manifest.title],
      ['summary', manifest.summary],
      ['description', manifest.description],
      ...(manifest.hints ?? []).map((h, i): [string, Localised] => [`hints[${i}]`, h]),
    ];
    return texts.map(([key, t]) => ({ where: `exercises/${id}/exercise.json ${key}`, en: t.en, ru: t.ru }));
  });
}

/** Every `ruNames` entry (English describe/it name → Russian name) of every exercise's test files. */
export function testNamePairs(): Pair[] {
  const root = path.join(repo, 'exercises');
  return fs.readdirSync(root).flatMap((id) => {
    const tests = path.join(root, id, 'tests');
    if (!fs.existsSync(tests)) return [];
    return filesUnder(tests, (name) => name.endsWith('.test.ts')).flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const pairs: Pair[] = [];
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const decl of statement.declarationList.declarations) {
          if (!ts.isIdentifier(decl.name) || decl.name.text !== 'ruNames' || !decl.initializer || !ts.isObjectLiteralExpression(decl.initializer)) continue;
          for (const prop of decl.initializer.properties) {
            if (!ts.isPropertyAssignment(prop) || !ts.isStringLiteral(prop.name) || !ts.isStringLiteral(prop.initializer)) continue;
            pairs.push({ where: `${path.relative(repo, file)} '${prop.name.text}'`, en: prop.name.text, ru: prop.initializer.text });
          }
        }
      }
      return pairs;
    });
  });
}

type QuizFile = { questions: Array<{ id?: string; question: string; options: Array<{ text: string }>; explanation: string }> };
function quizPairs(): Pair[] {
  const lessons = path.join(repo, 'content/lessons');
  return fs.readdirSync(lessons).flatMap((id) => {
    const read = (lang: string) => path.join(lessons, id, `quiz.${lang}.json`);
    if (!fs.existsSync(read('en'))) return [];
    const en = JSON.parse(fs.readFileSync(read('en'), 'utf8')) as QuizFile;
    const ru = JSON.parse(fs.readFileSync(read('ru'), 'utf8')) as QuizFile;
    return en.questions.flatMap((q, i) => {
      const r = ru.questions[i];
      const where = `${id}/quiz ${q.id ?? i + 1}`;
      return [
        { where: `${where} question`, en: q.question, ru: r.question },
        { where: `${where} explanation`, en: q.explanation, ru: r.explanation },
        ...q.options.map((o, j) => ({ where: `${where} option ${j + 1}`, en: o.text, ru: r.options[j]?.text ?? '' })),
      ];
    });
  });
}

/** Text a student reads, without code spans or placeholders: `orders-dlt` and {{partition}} are names, not words. */
const prose = (text: string) =>
  text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ');

/** Pairs whose Russian side does not use the glossary's word where the English side uses the term. */
export function termMismatches(pairs: Pair[]): string[] {
  const problems: string[] = [];
  for (const term of glossary.terms) {
    if (!term.enMatch || !term.ruMatch) continue;
    const en = new RegExp(term.enMatch, 'iu');
    const ru = new RegExp(term.ruMatch, 'iu');
    for (const pair of pairs) {
      if (en.test(prose(pair.en)) && !ru.test(prose(pair.ru))) problems.push(`${pair.where}: "${term.en}" should be "${term.ru}" in: ${pair.ru.slice(0, 160)}`);
    }
  }
  return problems;
}

/** Russian texts that use a variant the glossary rules out. */
export function avoidedVariants(texts: Array<{ where: string; ru: string }>): string[] {
  const problems: string[] = [];
  for (const term of glossary.terms) {
    for (const pattern of term.avoidRu ?? []) {
      const re = new RegExp(pattern, 'iu');
      for (const t of texts) {
        const hit = prose(t.ru).match(re);
        if (hit) problems.push(`${t.where}: "${hit[0]}" — the glossary says "${term.ru}"`);
      }
    }
  }
  return problems;
}

describe('the course glossary', () => {
  it('has unique ids and valid patterns, and each term is defined in both languages', () => {
    const ids = glossary.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of glossary.terms) {
      for (const p of [t.enMatch, t.ruMatch, ...(t.avoidRu ?? [])]) if (p) expect(() => new RegExp(p, 'iu')).not.toThrow();
      expect(Boolean(t.enMatch)).toBe(Boolean(t.ruMatch));
      // A term's own Russian name passes its own check.
      if (t.ruMatch) expect(new RegExp(t.ruMatch, 'iu').test(t.ru), t.id).toBe(true);
    }
  });

  it('finds the UI strings and exercise texts it checks', () => {
    expect(uiFiles.length).toBeGreaterThan(5);
    expect(uiPairs.length).toBeGreaterThan(300);
    expect(exercisePairs().length).toBeGreaterThan(20);
  });

  it('catches a Russian text that says «раздел» or «Релей» where English says partition or relay', () => {
    const bad = [{ where: 'sample', en: 'The relay publishes to a partition.', ru: 'Релей публикует в раздел.' }];
    expect(termMismatches(bad).join('\n')).toMatch(/partition[\s\S]*relay|relay[\s\S]*partition/);
    expect(avoidedVariants(bad)).toHaveLength(1);
    expect(termMismatches([{ where: 'ok', en: 'The relay publishes to a partition.', ru: 'Ретранслятор публикует в партицию.' }])).toEqual([]);
  });

  it('is followed by every UI string', () => {
    expect([...termMismatches(uiPairs), ...avoidedVariants(uiPairs)]).toEqual([]);
  });

  it('is followed by every exercise task text, title and hint', () => {
    const pairs = exercisePairs();
    expect([...termMismatches(pairs), ...avoidedVariants(pairs)]).toEqual([]);
  });

  it('is followed by the Russian comments of every exercise\'s code (starter, solution, read-only files)', () => {
    const root = path.join(repo, 'exercises');
    const comments = fs.readdirSync(root).flatMap((id) =>
      ['starter', 'solution', 'readonly'].flatMap((variant) => {
        const dir = path.join(root, id, variant);
        if (!fs.existsSync(dir)) return [];
        return filesUnder(dir, (name) => name.endsWith('.ts')).flatMap((file) =>
          fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
            const comment = /\/\/(.*[а-яё].*)$/iu.exec(line)?.[1];
            return comment ? [{ where: `${path.relative(repo, file)}:${i + 1}`, ru: comment }] : [];
          }),
        );
      }),
    );
    expect(comments.length).toBeGreaterThan(20);
    expect(avoidedVariants([{ where: 'sample', ru: ' Событийно-ориентированный заказ: методы' }])).toHaveLength(1);
    expect(avoidedVariants(comments)).toEqual([]);
  });

  it('is followed by the Russian names of every exercise\'s tests (ruNames)', () => {
    const pairs = testNamePairs();
    expect(pairs.length).toBeGreaterThan(500);
    expect(termMismatches([{ where: 'sample', en: 'relayOnce publishes to a partition', ru: 'relayOnce публикует в раздел' }])).toHaveLength(2);
    expect([...termMismatches(pairs), ...avoidedVariants(pairs)]).toEqual([]);
  });

  it('is followed by the quiz', () => {
    const pairs = quizPairs();
    expect([...termMismatches(pairs), ...avoidedVariants(pairs)]).toEqual([]);
  });

  it('is followed by the lessons\' "Try it" labs', () => {
    const lessons = path.join(repo, 'content/lessons');
    type L = { ru: string; en: string };
    const pairs = fs.readdirSync(lessons).flatMap((id) => {
      const file = path.join(lessons, id, 'labs.json');
      if (!fs.existsSync(file)) return [];
      const { labs } = JSON.parse(fs.readFileSync(file, 'utf8')) as { labs: Array<{ id: string; title: L; setup: L; question: L; explanation: L; options: Array<{ text: L }> }> };
      return labs.flatMap((lab) =>
        [lab.title, lab.setup, lab.question, lab.explanation, ...lab.options.map((o) => o.text)].map((t) => ({ where: `${id}/labs ${lab.id}`, en: t.en, ru: t.ru })),
      );
    });
    expect(pairs.length).toBeGreaterThan(20);
    expect([...termMismatches(pairs), ...avoidedVariants(pairs)]).toEqual([]);
  });

  it('is followed by the lessons: a term the English lesson uses appears in the Russian one, and no ruled-out variant', () => {
    const lessons = path.join(repo, 'content/lessons');
    for (const id of fs.readdirSync(lessons)) {
      const en = path.join(lessons, id, 'lesson.en.md');
      if (!fs.existsSync(en)) continue;
      const pair = { where: `${id}/lesson`, en: fs.readFileSync(en, 'utf8'), ru: fs.readFileSync(path.join(lessons, id, 'lesson.ru.md'), 'utf8') };
      expect([...termMismatches([pair]), ...avoidedVariants([pair])]).toEqual([]);
    }
  });
});

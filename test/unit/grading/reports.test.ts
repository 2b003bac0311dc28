import { describe, expect, it } from 'vitest';
import { SEMICOLON } from '../../../electron/engine/common/spreadsheet';
import { csvCell, escapeHtml, feedbackHtml, feedbackMarkdown, gradebookCsv, gradebookWideCsv, summaryHtml, type Gradebook, type GradebookEntry } from '../../../electron/engine/grading';

const entry = (over: Partial<GradebookEntry> = {}): GradebookEntry => ({
  student_id: 's1', student_name: 'Ann', exercise_id: 'ex', score: 3, max_score: 4, passed: 3, failed: 1, errored: 0,
  status: 'graded', duration_ms: 10, submitted_at: '2026-01-01T00:00:00.000Z', checksum_ok: true, notes: '',
  source: 's1.replayground.json', kind: 'file', feedback: 's1', run_message: null,
  visible: { points: 2, max_points: 2, passed: 2, failed: 0, errored: 0 },
  hidden: { points: 1, max_points: 2, passed: 1, failed: 1, errored: 0 },
  tests: [
    { name: 'visible one', suite: 'v', visibility: 'visible', status: 'pass', message: null, points: 1, max_points: 1, duration_ms: 1 },
    { name: 'visible <b>two</b>', suite: 'v', visibility: 'visible', status: 'fail', message: 'expected <1> got `2`', points: 0, max_points: 1, duration_ms: 1 },
    { name: 'hidden one', suite: 'h', visibility: 'hidden', status: 'fail', message: 'SECRET expected INVALID_STATE', points: 0, max_points: 2, duration_ms: 1 },
  ],
  ...over,
});

describe('reports', () => {
  it('CSV for Excel in a Russian locale: BOM, semicolons, decimal commas, quoting of the separator', () => {
    expect(csvCell(12.5, SEMICOLON)).toBe('12,5');
    expect(csvCell('a;b', SEMICOLON)).toBe('"a;b"');
    expect(csvCell('a,b', SEMICOLON)).toBe('a,b');
    expect(csvCell(12.5)).toBe('12.5');
    const csv = gradebookCsv([entry({ student_name: 'Пётр; Иванов', score: 10.25 })], SEMICOLON);
    expect(csv.startsWith('\uFEFFstudent_id;student_name;exercise_id;score;')).toBe(true);
    const row = csv.split('\r\n')[1];
    expect(row).toContain('"Пётр; Иванов"');
    expect(row).toContain(';10,25;');
    // Every row has as many cells as the header (no separator leaks out of a cell).
    const cells = (line: string) => line.replace(/"[^"]*"/g, 'x').split(';').length;
    expect(cells(row)).toBe(cells(csv.split('\r\n')[0]));
  });

  it('CSV cells are quoted when needed and formulas are neutralised', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    const csv = gradebookCsv([entry({ student_name: 'Line\nbreak' })]);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFstudent_id,student_name,exercise_id,score,max_score,passed,failed,errored,status,duration_ms,submitted_at,checksum_ok,notes');
    expect(csv).toContain('"Line\nbreak"');
  });

  it('HTML escapes everything a student wrote', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    const html = feedbackHtml([entry({ student_name: '<script>x</script>' })]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('visible &lt;b&gt;two&lt;/b&gt;');
  });

  it('feedback names hidden tests with their result only', () => {
    for (const text of [feedbackHtml([entry()]), feedbackMarkdown([entry()])]) {
      expect(text).toContain('hidden one');
      expect(text).not.toContain('SECRET');
      expect(text).toContain('expected');
    }
  });

  it('the summary charts scores and lists what was not graded', () => {
    const gb: Gradebook = {
      format: 'replayground-gradebook', version: 1, generated_at: 'now', input: 'class', problems: [],
      exercises: [{ id: 'ex', title: 'Ex', content_hash: 'h', max_score: 4, reference_ok: true, tests: [
        { name: 'visible one', suite: 'v', visibility: 'visible', max_points: 1 },
        { name: 'visible <b>two</b>', suite: 'v', visibility: 'visible', max_points: 1 },
        { name: 'hidden one', suite: 'h', visibility: 'hidden', max_points: 2 },
      ] }],
      entries: [entry(), entry({ student_id: '', status: 'malformed', score: null, max_score: null, notes: 'bad.json: not valid JSON', source: 'bad.json', tests: [] })],
    };
    const html = summaryHtml(gb);
    expect(html).toContain('<svg');
    expect(html).toContain('bad.json: not valid JSON');
    expect(html).toMatch(/visible &lt;b&gt;two&lt;\/b&gt; — failed by 1 of 1/);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('the wide gradebook has one row per student and one column per exercise, and the summary a section per exercise', () => {
    const ex = (id: string, max: number) => ({ id, title: `Title ${id}`, content_hash: 'h', max_score: max, reference_ok: true, tests: [
      { name: `${id} test`, suite: 'v', visibility: 'visible' as const, max_points: max },
    ] });
    const row = (student: string, exercise: string, score: number | null, status: GradebookEntry['status'] = 'graded') =>
      entry({ student_id: student, student_name: student === 'bob' ? '=Bob' : '', exercise_id: exercise, score, max_score: score === null ? null : 4, status, source: `${student}-${exercise}`,
        tests: [{ name: `${exercise} test`, suite: 'v', visibility: 'visible', status: score === 4 ? 'pass' : 'fail', message: score === 4 ? null : 'no', points: score ?? 0, max_points: 4, duration_ms: 1 }] });
    const gb: Gradebook = {
      format: 'replayground-gradebook', version: 1, generated_at: 'now', input: 'class', problems: [],
      exercises: [ex('alpha', 4), ex('beta', 4)],
      entries: [
        row('ann', 'alpha', 4), row('ann', 'beta', 1.5), row('bob', 'beta', 4), row('bob', 'alpha', null, 'bad_checksum'),
        row('bob', 'beta', null, 'superseded'), row('', '', null, 'malformed'),
      ],
    };
    expect(gradebookWideCsv(gb).split('\r\n')).toEqual([
      '\uFEFFstudent_id,student_name,alpha,beta,total',
      'ann,,4,1.5,5.5',
      "bob,'=Bob,,4,4",
      '',
    ]);
    // The same file for Excel in a Russian locale: ';' between cells, a decimal comma, and the BOM.
    expect(gradebookWideCsv(gb, SEMICOLON).split('\r\n')).toEqual([
      '\uFEFFstudent_id;student_name;alpha;beta;total',
      'ann;;4;1,5;5,5',
      "bob;'=Bob;;4;4",
      '',
    ]);
    const html = summaryHtml(gb);
    for (const id of ['alpha', 'beta']) expect(html).toContain(`id="exercise-${id}"`);
    const beta = html.slice(html.indexOf('id="exercise-beta"'));
    expect(beta.slice(0, beta.indexOf('</section>'))).toMatch(/beta test — failed by 1 of 2/);
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
  });
});

// summary.html: the class at a glance — score distribution (inline SVG), pass rate per test, the tests
// most often failed, and every submission that could not be graded with the reason.
import { GRADED_STATUSES, type Gradebook, type GradebookEntry } from '../gradebook';
import { escapeHtml } from './escape';
import { htmlPage } from './page';

export interface TestStat {
  exercise_id: string;
  name: string;
  visibility: 'visible' | 'hidden';
  passed: number;
  total: number;
  rate: number;
}

export function testStats(gradebook: Gradebook): TestStat[] {
  const graded = gradebook.entries.filter((e) => GRADED_STATUSES.has(e.status));
  const stats: TestStat[] = [];
  for (const ex of gradebook.exercises) {
    const rows = graded.filter((e) => e.exercise_id === ex.id);
    for (const t of ex.tests) {
      const passed = rows.filter((r) => r.tests.some((x) => x.suite === t.suite && x.name === t.name && x.status === 'pass')).length;
      stats.push({ exercise_id: ex.id, name: t.name, visibility: t.visibility, passed, total: rows.length, rate: rows.length ? passed / rows.length : 0 });
    }
  }
  return stats;
}

/** Ten buckets of score as a percentage of the maximum: [0,10), …, [90,100]. */
export function scoreBuckets(entries: GradebookEntry[]): number[] {
  const buckets = new Array<number>(10).fill(0);
  for (const e of entries) {
    if (!GRADED_STATUSES.has(e.status) || e.score === null || !e.max_score) continue;
    buckets[Math.min(9, Math.floor((e.score / e.max_score) * 10))] += 1;
  }
  return buckets;
}

function histogramSvg(buckets: number[]): string {
  const w = 640, h = 240, left = 40, bottom = 30, top = 10;
  const max = Math.max(1, ...buckets);
  const bw = (w - left - 10) / buckets.length;
  const bars = buckets
    .map((n, i) => {
      const bh = ((h - bottom - top) * n) / max;
      const x = left + i * bw;
      const y = h - bottom - bh;
      return `<rect class="bar" x="${x + 3}" y="${y}" width="${bw - 6}" height="${bh}"><title>${i * 10}–${i === 9 ? 100 : i * 10 + 9}%: ${n}</title></rect>
<text x="${x + bw / 2}" y="${h - bottom + 16}" text-anchor="middle">${i * 10}–${i === 9 ? 100 : i * 10 + 9}%</text>${n ? `<text x="${x + bw / 2}" y="${y - 3}" text-anchor="middle">${n}</text>` : ''}`;
    })
    .join('\n');
  return `<svg role="img" aria-label="Score distribution" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px">
<line class="grid" x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}"/>
<text x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text><text x="${left - 6}" y="${h - bottom}" text-anchor="end">0</text>
${bars}
</svg>`;
}

export function summaryHtml(gradebook: Gradebook): string {
  const entries = gradebook.entries;
  const graded = entries.filter((e) => GRADED_STATUSES.has(e.status));
  const ungradable = entries.filter((e) => !GRADED_STATUSES.has(e.status));
  const stats = testStats(gradebook);
  const mostFailed = [...stats]
    .filter((s) => s.total > 0 && s.passed < s.total)
    .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name))
    .slice(0, 10);
  const meanOf = (id: string) => {
    const rows = graded.filter((e) => e.exercise_id === id);
    return rows.length ? rows.reduce((sum, e) => sum + (e.score ?? 0), 0) / rows.length : 0;
  };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const body = `<h1>Grading summary</h1>
<p class="muted">Input: ${escapeHtml(gradebook.input)} · ${entries.length} submission(s) found · ${graded.length} graded · ${ungradable.length} not graded</p>
${gradebook.exercises.map((x) => `<p>Exercise <strong>${escapeHtml(x.id)}</strong> — max score ${x.max_score}, mean ${meanOf(x.id).toFixed(2)}${x.reference_ok ? '' : ' · <span class="fail">the reference solution does not pass every test</span>'}</p>`).join('\n')}
${gradebook.problems.length ? `<div class="card"><h2>Problems</h2><ul>${gradebook.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>` : ''}
<h2>Score distribution</h2>
${histogramSvg(scoreBuckets(entries))}
<h2>Pass rate per test</h2>
<table><thead><tr><th>Exercise</th><th>Test</th><th>Suite</th><th class="num">Passed</th><th class="num">Rate</th></tr></thead><tbody>
${stats.map((s) => `<tr><td>${escapeHtml(s.exercise_id)}</td><td>${escapeHtml(s.name)}</td><td>${s.visibility}</td><td class="num">${s.passed} / ${s.total}</td><td class="num">${pct(s.rate)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Most often failed</h2>
${mostFailed.length ? `<ol>${mostFailed.map((s) => `<li>${escapeHtml(s.name)} — failed by ${s.total - s.passed} of ${s.total} (${s.visibility})</li>`).join('')}</ol>` : '<p class="muted">No test failed.</p>'}
<h2>Not graded</h2>
${ungradable.length ? `<table><thead><tr><th>Source</th><th>Student</th><th>Status</th><th>Why</th></tr></thead><tbody>
${ungradable.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.student_id)}</td><td>${escapeHtml(e.status)}</td><td>${escapeHtml(e.notes)}</td></tr>`).join('\n')}
</tbody></table>` : '<p class="muted">Every submission was graded.</p>'}
<h2>All submissions</h2>
<table><thead><tr><th>Student</th><th>Name</th><th>Exercise</th><th class="num">Score</th><th>Status</th></tr></thead><tbody>
${entries.map((e) => `<tr><td>${escapeHtml(e.student_id)}</td><td>${escapeHtml(e.student_name)}</td><td>${escapeHtml(e.exercise_id)}</td><td class="num">${e.score ?? ''}${e.max_score !== null ? ` / ${e.max_score}` : ''}</td><td>${escapeHtml(e.status)}</td></tr>`).join('\n')}
</tbody></table>`;
  return htmlPage('Grading summary', body);
}

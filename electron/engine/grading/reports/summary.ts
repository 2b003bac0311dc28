// summary.html: the class at a glance — every exercise with its score distribution (inline SVG), pass
// rate per test and most-failed tests; the students across exercises; every submission that could not
// be graded with the reason.
import { FLAGGED_STATUSES, GRADED_STATUSES, type Gradebook, type GradebookEntry } from '../../common/gradebook';
import { meanScore, mostFailedTests, scoreBuckets, testStats, type TestStat } from '../../common/gradingStats';
import { escapeHtml } from './escape';
import { htmlPage } from './page';
import { wideGradebook } from '../../common/wideGradebook';

function histogramSvg(buckets: number[], label = 'Score distribution'): string {
  const w = 640, h = 240, left = 40, bottom = 30, top = 20;
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
  return `<svg role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px">
<line class="grid" x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}"/>
<text x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text><text x="${left - 6}" y="${h - bottom}" text-anchor="end">0</text>
${bars}
</svg>`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;


/** One exercise's part of the summary: its distribution, its most-failed tests and the pass rate of each of its tests. */
function exerciseSection(ex: Gradebook['exercises'][number], graded: GradebookEntry[], stats: TestStat[]): string {
  const rows = graded.filter((e) => e.exercise_id === ex.id);
  const own = stats.filter((s) => s.exercise_id === ex.id);
  const failed = mostFailedTests(own);
  const passedAll = rows.filter((e) => e.max_score !== null && e.score === e.max_score).length;
  return `<section class="card" id="exercise-${escapeHtml(ex.id)}">
<h2>${escapeHtml(ex.title)} <span class="muted">(${escapeHtml(ex.id)})</span></h2>
<p>${rows.length} graded · max score ${ex.max_score} · mean ${meanScore(rows).toFixed(2)} · full marks ${passedAll} of ${rows.length}${ex.reference_ok ? '' : ' · <span class="fail">the reference solution does not pass every test</span>'}</p>
<h3>Score distribution</h3>
${histogramSvg(scoreBuckets(rows), `Score distribution: ${ex.id}`)}
<h3>Most often failed</h3>
${failed.length ? `<ol>${failed.map((s) => `<li>${escapeHtml(s.name)} — failed by ${s.total - s.passed} of ${s.total} (${s.visibility})</li>`).join('')}</ol>` : '<p class="muted">No test failed.</p>'}
<h3>Pass rate per test</h3>
<table><thead><tr><th>Test</th><th>Suite</th><th class="num">Passed</th><th class="num">Rate</th></tr></thead><tbody>
${own.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td>${s.visibility}</td><td class="num">${s.passed} / ${s.total}</td><td class="num">${pct(s.rate)}</td></tr>`).join('\n')}
</tbody></table>
</section>`;
}

export function summaryHtml(gradebook: Gradebook): string {
  const entries = gradebook.entries;
  const graded = entries.filter((e) => GRADED_STATUSES.has(e.status));
  const flagged = entries.filter((e) => FLAGGED_STATUSES.has(e.status));
  const ungradable = entries.filter((e) => !GRADED_STATUSES.has(e.status) && !FLAGGED_STATUSES.has(e.status));
  const stats = testStats(gradebook);
  const wide = wideGradebook(gradebook);
  const body = `<h1>Grading summary</h1>
<p class="muted">Input: ${escapeHtml(gradebook.input)} · ${entries.length} submission(s) found · ${graded.length} graded · ${ungradable.length} not graded · ${wide.rows.length} student(s) · ${gradebook.exercises.length} exercise(s)</p>
${gradebook.problems.length ? `<div class="card"><h2>Problems</h2><ul>${gradebook.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>` : ''}
<h2>Exercises</h2>
<table><thead><tr><th>Exercise</th><th class="num">Graded</th><th class="num">Max score</th><th class="num">Mean</th><th class="num">Full marks</th></tr></thead><tbody>
${gradebook.exercises.map((x) => {
    const rows = graded.filter((e) => e.exercise_id === x.id);
    const full = rows.filter((e) => e.score === e.max_score).length;
    return `<tr><td><a href="#exercise-${escapeHtml(x.id)}">${escapeHtml(x.id)}</a>${x.reference_ok ? '' : ' <span class="fail">(the reference solution does not pass every test)</span>'}</td><td class="num">${rows.length}</td><td class="num">${x.max_score}</td><td class="num">${meanScore(rows).toFixed(2)}</td><td class="num">${full}</td></tr>`;
  }).join('\n')}
</tbody></table>
<h2>Score distribution</h2>
<p class="muted">Every graded submission, as a share of its exercise's maximum.</p>
${histogramSvg(scoreBuckets(entries))}
${gradebook.exercises.map((x) => exerciseSection(x, graded, stats)).join('\n')}
${flagged.length ? `<div class="card"><h2>Needs your decision</h2>
<p class="muted">These submissions were run and scored, but they do not count: the folder they were found in names another student, or their time lies in the future. They replaced nobody's work. Decide whether each counts.</p>
<table><thead><tr><th>Source</th><th>Claims to be</th><th>Exercise</th><th class="num">Score</th><th>Status</th><th>Why</th></tr></thead><tbody>
${flagged.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.student_id)} (${escapeHtml(e.student_name)})</td><td>${escapeHtml(e.exercise_id)}</td><td class="num">${e.score ?? ''}${e.max_score !== null ? ` / ${e.max_score}` : ''}</td><td>${escapeHtml(e.status)}</td><td>${escapeHtml(e.notes)}</td></tr>`).join('\n')}
</tbody></table></div>` : ''}
<h2>Not graded</h2>
${ungradable.length ? `<table><thead><tr><th>Source</th><th>Student</th><th>Status</th><th>Why</th></tr></thead><tbody>
${ungradable.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.student_id)}</td><td>${escapeHtml(e.status)}</td><td>${escapeHtml(e.notes)}</td></tr>`).join('\n')}
</tbody></table>` : '<p class="muted">Every submission was graded.</p>'}
<h2>Students</h2>
<table><thead><tr><th>Student</th><th>Name</th>${wide.exercises.map((x) => `<th class="num">${escapeHtml(x.id)}</th>`).join('')}<th class="num">Total</th></tr></thead><tbody>
${wide.rows.map((r) => `<tr><td>${escapeHtml(r.student_id)}</td><td>${escapeHtml(r.student_name)}</td>${wide.exercises.map((x) => `<td class="num">${r.scores[x.id] ?? '—'}</td>`).join('')}<td class="num">${r.total} / ${wide.max_total}</td></tr>`).join('\n')}
</tbody></table>
<h2>All submissions</h2>
<table><thead><tr><th>Student</th><th>Name</th><th>Exercise</th><th class="num">Score</th><th>Status</th></tr></thead><tbody>
${entries.map((e) => `<tr><td>${escapeHtml(e.student_id)}</td><td>${escapeHtml(e.student_name)}</td><td>${escapeHtml(e.exercise_id)}</td><td class="num">${e.score ?? ''}${e.max_score !== null ? ` / ${e.max_score}` : ''}</td><td>${escapeHtml(e.status)}</td></tr>`).join('\n')}
</tbody></table>`;
  return htmlPage('Grading summary', body);
}

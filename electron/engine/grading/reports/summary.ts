// summary.html: the class at a glance — every exercise with its score distribution (inline SVG), pass
// rate per test and most-failed tests; the students across exercises; every submission that could not
// be graded with the reason. Worded in the instructor's language (statuses and notes included).
import { FLAGGED_STATUSES, GRADED_STATUSES, type Gradebook, type GradebookEntry } from '../../common/gradebook';
import { STATUS_TEXT, wordNote, wordNotes } from '../../common/gradingWords';
import { fill, REPORT_STRINGS, type ReportLang } from './strings';
import { meanScore, mostFailedTests, scoreBuckets, testStats, type TestStat } from '../../common/gradingStats';
import { escapeHtml } from './escape';
import { htmlPage } from './page';
import { wideGradebook } from '../../common/wideGradebook';

function histogramSvg(buckets: number[], label: string): string {
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


/** An exercise's title in the report's language (older gradebooks carry the English one only). */
function titleOf(ex: Gradebook['exercises'][number], lang: ReportLang): string {
  return ex.titles?.[lang] ?? ex.title;
}

/** A row's notes in the report's language: from the codes when the gradebook has them. */
export function notesOf(e: GradebookEntry, lang: ReportLang): string {
  return e.note_codes ? wordNotes(e.note_codes, lang) : e.notes;
}

/** One exercise's part of the summary: its distribution, its most-failed tests and the pass rate of each of its tests. */
function exerciseSection(ex: Gradebook['exercises'][number], graded: GradebookEntry[], stats: TestStat[], lang: ReportLang): string {
  const t = REPORT_STRINGS[lang].summary;
  const rows = graded.filter((e) => e.exercise_id === ex.id);
  const own = stats.filter((s) => s.exercise_id === ex.id);
  const failed = mostFailedTests(own);
  const passedAll = rows.filter((e) => e.max_score !== null && e.score === e.max_score).length;
  const vis = (v: 'visible' | 'hidden') => t[v];
  return `<section class="card" id="exercise-${escapeHtml(ex.id)}">
<h2>${escapeHtml(titleOf(ex, lang))} <span class="muted">(${escapeHtml(ex.id)})</span></h2>
<p>${escapeHtml(fill(t.exerciseLine, { graded: rows.length, max: ex.max_score, mean: meanScore(rows).toFixed(2), full: passedAll }))}${ex.reference_ok ? '' : ` · <span class="fail">${escapeHtml(t.referenceBad)}</span>`}</p>
<h3>${escapeHtml(t.distribution)}</h3>
${histogramSvg(scoreBuckets(rows), fill(t.distributionOf, { id: ex.id }))}
<h3>${escapeHtml(t.mostFailed)}</h3>
${failed.length ? `<ol>${failed.map((s) => `<li>${escapeHtml(fill(t.mostFailedItem, { name: lang === 'ru' && s.name_ru ? s.name_ru : s.name, failed: s.total - s.passed, total: s.total, visibility: vis(s.visibility) }))}</li>`).join('')}</ol>` : `<p class="muted">${escapeHtml(t.noneFailed)}</p>`}
<h3>${escapeHtml(t.passRate)}</h3>
<table><thead><tr><th>${t.test}</th><th>${t.suite}</th><th class="num">${t.passed}</th><th class="num">${t.rate}</th></tr></thead><tbody>
${own.map((s) => `<tr><td>${escapeHtml(lang === 'ru' && s.name_ru ? s.name_ru : s.name)}</td><td>${vis(s.visibility)}</td><td class="num">${s.passed} / ${s.total}</td><td class="num">${pct(s.rate)}</td></tr>`).join('\n')}
</tbody></table>
</section>`;
}

export function summaryHtml(gradebook: Gradebook, lang: ReportLang = gradebook.lang ?? 'en'): string {
  const t = REPORT_STRINGS[lang].summary;
  const status = (e: GradebookEntry) => escapeHtml(STATUS_TEXT[lang][e.status]);
  const notes = (e: GradebookEntry) => escapeHtml(notesOf(e, lang));
  const entries = gradebook.entries;
  const graded = entries.filter((e) => GRADED_STATUSES.has(e.status));
  const flagged = entries.filter((e) => FLAGGED_STATUSES.has(e.status));
  const ungradable = entries.filter((e) => !GRADED_STATUSES.has(e.status) && !FLAGGED_STATUSES.has(e.status));
  const stats = testStats(gradebook);
  const wide = wideGradebook(gradebook);
  const problems = gradebook.problem_codes ? gradebook.problem_codes.map((p) => wordNote(p, lang)) : gradebook.problems;
  const score = (e: GradebookEntry) => `${e.score ?? ''}${e.max_score !== null ? ` / ${e.max_score}` : ''}`;
  const body = `<h1>${escapeHtml(t.title)}</h1>
<p class="muted">${escapeHtml(fill(t.counts, { input: gradebook.input, found: entries.length, graded: graded.length, ungraded: ungradable.length, students: wide.rows.length, exercises: gradebook.exercises.length }))}</p>
${problems.length ? `<div class="card"><h2>${t.problems}</h2><ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>` : ''}
<h2>${t.exercises}</h2>
<table><thead><tr><th>${t.exercise}</th><th class="num">${t.graded}</th><th class="num">${t.maxScore}</th><th class="num">${t.mean}</th><th class="num">${t.fullMarks}</th></tr></thead><tbody>
${gradebook.exercises.map((x) => {
    const rows = graded.filter((e) => e.exercise_id === x.id);
    const full = rows.filter((e) => e.score === e.max_score).length;
    return `<tr><td><a href="#exercise-${escapeHtml(x.id)}">${escapeHtml(titleOf(x, lang))}</a> <span class="muted">(${escapeHtml(x.id)})</span>${x.reference_ok ? '' : ` <span class="fail">(${escapeHtml(t.referenceBad)})</span>`}</td><td class="num">${rows.length}</td><td class="num">${x.max_score}</td><td class="num">${meanScore(rows).toFixed(2)}</td><td class="num">${full}</td></tr>`;
  }).join('\n')}
</tbody></table>
<h2>${escapeHtml(t.distribution)}</h2>
<p class="muted">${escapeHtml(t.distributionAll)}</p>
${histogramSvg(scoreBuckets(entries), t.distribution)}
${gradebook.exercises.map((x) => exerciseSection(x, graded, stats, lang)).join('\n')}
${flagged.length ? `<div class="card"><h2>${escapeHtml(t.decide)}</h2>
<p class="muted">${escapeHtml(t.decideExplain)}</p>
<table><thead><tr><th>${t.source}</th><th>${t.claims}</th><th>${t.exercise}</th><th class="num">${t.score}</th><th>${t.status}</th><th>${t.why}</th></tr></thead><tbody>
${flagged.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.student_id)} (${escapeHtml(e.student_name)})</td><td>${escapeHtml(e.exercise_id)}</td><td class="num">${score(e)}</td><td>${status(e)}</td><td>${notes(e)}</td></tr>`).join('\n')}
</tbody></table></div>` : ''}
<h2>${escapeHtml(t.notGraded)}</h2>
${ungradable.length ? `<table><thead><tr><th>${t.source}</th><th>${t.student}</th><th>${t.status}</th><th>${t.why}</th></tr></thead><tbody>
${ungradable.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.student_id)}</td><td>${status(e)}</td><td>${notes(e)}</td></tr>`).join('\n')}
</tbody></table>` : `<p class="muted">${escapeHtml(t.allGraded)}</p>`}
<h2>${t.students}</h2>
<table><thead><tr><th>${t.student}</th><th>${t.name}</th>${wide.exercises.map((x) => `<th class="num">${escapeHtml(x.id)}</th>`).join('')}<th class="num">${t.total}</th></tr></thead><tbody>
${wide.rows.map((r) => `<tr><td>${escapeHtml(r.student_id)}</td><td>${escapeHtml(r.student_name)}</td>${wide.exercises.map((x) => `<td class="num">${r.scores[x.id] ?? '—'}</td>`).join('')}<td class="num">${r.total} / ${wide.max_total}</td></tr>`).join('\n')}
</tbody></table>
<h2>${t.all}</h2>
<table><thead><tr><th>${t.student}</th><th>${t.name}</th><th>${t.exercise}</th><th class="num">${t.score}</th><th>${t.status}</th></tr></thead><tbody>
${entries.map((e) => `<tr><td>${escapeHtml(e.student_id)}</td><td>${escapeHtml(e.student_name)}</td><td>${escapeHtml(e.exercise_id)}</td><td class="num">${score(e)}</td><td>${status(e)}</td></tr>`).join('\n')}
</tbody></table>`;
  return htmlPage(t.title, body, lang);
}

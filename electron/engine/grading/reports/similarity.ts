// similarity.html: the class's similarity report, self-contained (inline CSS, no scripts, offline): each
// submission's highest similarity, then the pairs at or above the threshold with their matching regions
// side by side. Worded in the instructor's language; every piece of student text is escaped.
import type { Gradebook, SimilarityPair } from '../../common/gradebook';
import { escapeHtml } from './escape';
import { htmlPage } from './page';
import { fill, REPORT_STRINGS, type ReportLang } from './strings';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function similarityHtml(gradebook: Gradebook, lang: ReportLang = 'en'): string {
  const t = REPORT_STRINGS[lang].similarity;
  const report = gradebook.similarity;
  const who = new Map(gradebook.entries.map((e) => [e.source, e.student_id || e.source]));
  const nameOf = (key: string, reference: boolean, label: string) => (reference ? `${label} (${t.reference})` : (who.get(key) ?? label));
  if (!report) return htmlPage(t.title, `<h1>${escapeHtml(t.title)}</h1><p class="muted">${escapeHtml(t.none)}</p>`, lang);

  const rows = gradebook.entries
    .filter((e) => e.similarity !== undefined)
    .sort((a, b) => (b.similarity?.score ?? -1) - (a.similarity?.score ?? -1) || a.student_id.localeCompare(b.student_id));
  const highest = `<h2>${escapeHtml(t.highestTitle)}</h2>
<table><thead><tr><th>${t.student}</th><th>${t.exercise}</th><th class="num">${t.highest}</th><th>${t.with}</th></tr></thead><tbody>
${rows
  .map((e) => {
    const s = e.similarity;
    const over = s && s.score >= report.threshold;
    return `<tr><td>${escapeHtml(e.student_id)}</td><td>${escapeHtml(e.exercise_id)}</td><td class="num${over ? ' hi fail' : ''}">${s ? pct(s.score) : '—'}</td><td>${s ? escapeHtml(nameOf(s.with, s.reference, s.with)) : `<span class="muted">${escapeHtml(t.tooLittle)}</span>`}</td></tr>`;
  })
  .join('\n')}
</tbody></table>`;

  const detailed = report.pairs.filter((p) => p.regions.length > 0);
  const brief = report.pairs.filter((p) => p.regions.length === 0);
  const pairs = report.pairs.length
    ? `<h2>${escapeHtml(t.pairsTitle)}</h2>
<p class="muted">${escapeHtml(fill(t.pairsCount, { shown: report.pairs.length, total: report.pairs_over_threshold }))}</p>
${detailed.map((p) => pairSection(p, t, nameOf)).join('\n')}
${brief.length ? `<h3>${escapeHtml(t.morePairs)}</h3><p class="muted">${escapeHtml(t.noRegions)}</p>
<table><thead><tr><th>${t.exercise}</th><th>${t.student}</th><th>${t.with}</th><th class="num">%</th></tr></thead><tbody>
${brief.map((p) => `<tr><td>${escapeHtml(p.exercise_id)}</td><td>${escapeHtml(nameOf(p.a.key, false, p.a.student_id))}</td><td>${escapeHtml(nameOf(p.b.key, p.b.reference, p.b.label))}</td><td class="num">${pct(p.score)}</td></tr>`).join('\n')}
</tbody></table>` : ''}`
    : `<p>${escapeHtml(t.none)}</p>`;

  const body = `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
<p class="muted">${escapeHtml(t.caution)}</p>
<p>${escapeHtml(t.threshold)}: <strong>${pct(report.threshold)}</strong> · ${escapeHtml(t.compared)}: ${report.references.map(escapeHtml).join(', ') || '—'}</p>
${pairs}
${highest}`;
  return htmlPage(t.title, body, lang);
}

function pairSection(p: SimilarityPair, t: (typeof REPORT_STRINGS)['en']['similarity'], nameOf: (key: string, reference: boolean, label: string) => string): string {
  const a = nameOf(p.a.key, false, p.a.student_id);
  const b = nameOf(p.b.key, p.b.reference, p.b.label);
  const shares = p.b_in_a === null ? fill(t.shares, { a: pct(p.a_in_b), aName: a, bName: b }) : fill(t.sharesBoth, { a: pct(p.a_in_b), b: pct(p.b_in_a), aName: a, bName: b });
  const regions = p.regions
    .map(
      (r) => `<div class="side"><div><h4>${escapeHtml(a)} · ${escapeHtml(fill(t.lines, { file: r.a_file, from: r.a_from, to: r.a_to }))}</h4><pre>${escapeHtml(r.a_text)}</pre></div>
<div><h4>${escapeHtml(b)} · ${escapeHtml(fill(t.lines, { file: r.b_file, from: r.b_from, to: r.b_to }))}</h4><pre>${escapeHtml(r.b_text)}</pre></div></div>`,
    )
    .join('\n');
  return `<section class="card pair"><h3>${escapeHtml(a)} ↔ ${escapeHtml(b)} <span class="muted">(${escapeHtml(p.exercise_id)})</span> — <span class="fail">${pct(p.score)}</span></h3>
<p class="muted">${escapeHtml(shares)}</p>
<h4>${escapeHtml(t.regions)}</h4>
${regions}
</section>`;
}

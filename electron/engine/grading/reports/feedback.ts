// Per-student feedback (HTML and Markdown): for each exercise, the score, what passed, what failed and
// why. Hidden tests appear by name and result only (no code, no message that could reveal them).
// Worded in the report's language: test names from the suites' ruNames, failure messages from their
// phrases (common/testWords.ts); the English text where a report has no phrase (older gradebooks).
import type { GradebookEntry, GradedTest } from '../../common/gradebook';
import { STATUS_TEXT } from '../../common/gradingWords';
import { escapeHtml, escapeMarkdown, markdownFence } from './escape';
import { htmlPage, statusClass } from './page';
import { fill, REPORT_STRINGS, type ReportLang } from './strings';
import { notesOf } from './summary';
import { wordMessage } from '../../common/testWords';

/** A test's name in the report's language. */
export function testNameIn(x: { name: string; name_ru?: string }, lang: ReportLang): string {
  return lang === 'ru' && x.name_ru ? x.name_ru : x.name;
}

function runMessageIn(e: GradebookEntry, lang: ReportLang): string {
  return wordMessage(e.run_message, e.run_message_phrase, lang) ?? '';
}

function whoOf(e: GradebookEntry): string {
  return e.student_name ? `${e.student_name} (${e.student_id})` : e.student_id;
}

function countsLine(e: GradebookEntry, lang: ReportLang): string {
  return fill(REPORT_STRINGS[lang].feedback.counts, { passed: e.passed ?? 0, failed: e.failed ?? 0, errored: e.errored ?? 0, status: STATUS_TEXT[lang][e.status] });
}

export function feedbackHtml(entries: GradebookEntry[], lang: ReportLang = 'en'): string {
  const t = REPORT_STRINGS[lang].feedback;
  const who = whoOf(entries[0]!);
  const sections = entries.map((e) => {
    const visible = e.tests.filter((x) => x.visibility === 'visible');
    const hidden = e.tests.filter((x) => x.visibility === 'hidden');
    const notes = notesOf(e, lang);
    return `<section class="card">
<h2>${escapeHtml(e.exercise_id)}</h2>
<p><strong>${escapeHtml(fill(t.score, { score: e.score ?? '—', max: e.max_score ?? '—' }))}</strong> · ${escapeHtml(countsLine(e, lang))}</p>
${notes ? `<p class="muted">${escapeHtml(notes)}</p>` : ''}
${e.run_message && e.status !== 'graded' ? `<pre>${escapeHtml(runMessageIn(e, lang))}</pre>` : ''}
<h3>${escapeHtml(t.visibleTests)}</h3>
${testTable(visible, true, lang)}
<h3>${escapeHtml(t.hiddenTests)}</h3>
<p class="muted">${escapeHtml(t.hiddenExplain)}</p>
${testTable(hidden, false, lang)}
</section>`;
  });
  return htmlPage(fill(t.title, { who }), `<h1>${escapeHtml(fill(t.heading, { who }))}</h1>\n${sections.join('\n')}`, lang);
}

function testTable(tests: GradedTest[], withMessages: boolean, lang: ReportLang): string {
  const t = REPORT_STRINGS[lang].feedback;
  if (tests.length === 0) return `<p class="muted">${escapeHtml(t.none)}</p>`;
  // Failures first: they are what the student reads the feedback for.
  const ordered = [...tests.filter((x) => x.status !== 'pass'), ...tests.filter((x) => x.status === 'pass')];
  const rows = ordered.map((x) => {
    const row = `<tr><td>${escapeHtml(testNameIn(x, lang))}</td><td class="${statusClass(x.status)}">${escapeHtml(t[x.status])}</td><td class="num">${x.points} / ${x.max_points}</td></tr>`;
    if (!withMessages || x.status === 'pass' || (!x.message && !x.details)) return row;
    const message = x.message ? `<pre>${escapeHtml(wordMessage(x.message, x.message_phrase, lang) ?? '')}</pre>` : '';
    const details = x.details
      ? `<details><summary>${escapeHtml(t.details)}</summary><pre>${escapeHtml(JSON.stringify(x.details, null, 2))}</pre></details>`
      : '';
    return `${row}\n<tr class="why"><td colspan="3">${message}${details}</td></tr>`;
  });
  return `<table><thead><tr><th>${escapeHtml(t.test)}</th><th>${escapeHtml(t.result)}</th><th class="num">${escapeHtml(t.points)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

export function feedbackMarkdown(entries: GradebookEntry[], lang: ReportLang = 'en'): string {
  const t = REPORT_STRINGS[lang].feedback;
  const out: string[] = [`# ${escapeMarkdown(fill(t.heading, { who: whoOf(entries[0]!) }))}`, ''];
  const line = (x: GradedTest) => `- ${x.status === 'pass' ? '✅' : '❌'} ${escapeMarkdown(testNameIn(x, lang))} — ${t[x.status]} (${x.points}/${x.max_points})`;
  for (const e of entries) {
    out.push(`## ${escapeMarkdown(e.exercise_id)}`, '');
    out.push(`**${escapeMarkdown(fill(t.score, { score: e.score ?? '—', max: e.max_score ?? '—' }))}** · ${escapeMarkdown(countsLine(e, lang))}`, '');
    const notes = notesOf(e, lang);
    if (notes) out.push(`> ${escapeMarkdown(notes)}`, '');
    if (e.run_message && e.status !== 'graded') out.push(markdownFence(runMessageIn(e, lang)), '');
    out.push(`### ${t.visibleTests}`, '');
    const visible = e.tests.filter((x) => x.visibility === 'visible');
    for (const x of [...visible.filter((v) => v.status !== 'pass'), ...visible.filter((v) => v.status === 'pass')]) {
      out.push(line(x));
      if (x.status !== 'pass' && x.message) out.push('', indent(markdownFence(wordMessage(x.message, x.message_phrase, lang) ?? '')), '');
      if (x.status !== 'pass' && x.details) out.push('', indent(markdownFence(JSON.stringify(x.details, null, 2), 'json')), '');
    }
    out.push('', `### ${t.hiddenTests}`, '', `_${t.hiddenExplain}_`, '');
    for (const x of e.tests.filter((h) => h.visibility === 'hidden')) out.push(line(x));
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

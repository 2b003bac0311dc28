// Per-student feedback (HTML and Markdown): for each exercise, the score, what passed, what failed and
// why. Hidden tests appear by name and result only (no code, no message that could reveal them).
import type { GradebookEntry, GradedTest } from '../../common/gradebook';
import { escapeHtml, escapeMarkdown, markdownFence } from './escape';
import { htmlPage, statusClass } from './page';

const STATUS_TEXT: Record<string, string> = { pass: 'passed', fail: 'failed', error: 'error' };

function whoOf(e: GradebookEntry): string {
  return e.student_name ? `${e.student_name} (${e.student_id})` : e.student_id;
}

export function feedbackHtml(entries: GradebookEntry[]): string {
  const who = whoOf(entries[0]);
  const sections = entries.map((e) => {
    const visible = e.tests.filter((t) => t.visibility === 'visible');
    const hidden = e.tests.filter((t) => t.visibility === 'hidden');
    return `<section class="card">
<h2>${escapeHtml(e.exercise_id)}</h2>
<p><strong>Score: ${e.score ?? '—'} / ${e.max_score ?? '—'}</strong> · ${e.passed ?? 0} passed, ${e.failed ?? 0} failed, ${e.errored ?? 0} errored · status: ${escapeHtml(e.status)}</p>
${e.notes ? `<p class="muted">${escapeHtml(e.notes)}</p>` : ''}
${e.run_message && e.status !== 'graded' ? `<pre>${escapeHtml(e.run_message)}</pre>` : ''}
<h3>Visible tests</h3>
${testTable(visible, true)}
<h3>Hidden tests</h3>
<p class="muted">Hidden tests are named here with their result only.</p>
${testTable(hidden, false)}
</section>`;
  });
  return htmlPage(`Feedback — ${who}`, `<h1>Feedback for ${escapeHtml(who)}</h1>\n${sections.join('\n')}`);
}

function testTable(tests: GradedTest[], withMessages: boolean): string {
  if (tests.length === 0) return '<p class="muted">none</p>';
  // Failures first: they are what the student reads the feedback for.
  const ordered = [...tests.filter((t) => t.status !== 'pass'), ...tests.filter((t) => t.status === 'pass')];
  const rows = ordered.map((t) => {
    const row = `<tr><td>${escapeHtml(t.name)}</td><td class="${statusClass(t.status)}">${STATUS_TEXT[t.status]}</td><td class="num">${t.points} / ${t.max_points}</td></tr>`;
    if (!withMessages || t.status === 'pass' || (!t.message && !t.details)) return row;
    const message = t.message ? `<pre>${escapeHtml(t.message)}</pre>` : '';
    const details = t.details
      ? `<details><summary>given / command / expected / actual</summary><pre>${escapeHtml(JSON.stringify(t.details, null, 2))}</pre></details>`
      : '';
    return `${row}\n<tr class="why"><td colspan="3">${message}${details}</td></tr>`;
  });
  return `<table><thead><tr><th>Test</th><th>Result</th><th class="num">Points</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

export function feedbackMarkdown(entries: GradebookEntry[]): string {
  const out: string[] = [`# Feedback for ${escapeMarkdown(whoOf(entries[0]))}`, ''];
  for (const e of entries) {
    out.push(`## ${escapeMarkdown(e.exercise_id)}`, '');
    out.push(`**Score: ${e.score ?? '—'} / ${e.max_score ?? '—'}** · ${e.passed ?? 0} passed, ${e.failed ?? 0} failed, ${e.errored ?? 0} errored · status: ${e.status}`, '');
    if (e.notes) out.push(`> ${escapeMarkdown(e.notes)}`, '');
    if (e.run_message && e.status !== 'graded') out.push(markdownFence(e.run_message), '');
    out.push('### Visible tests', '');
    const visible = e.tests.filter((x) => x.visibility === 'visible');
    for (const t of [...visible.filter((x) => x.status !== 'pass'), ...visible.filter((x) => x.status === 'pass')]) {
      out.push(`- ${t.status === 'pass' ? '✅' : '❌'} ${escapeMarkdown(t.name)} — ${STATUS_TEXT[t.status]} (${t.points}/${t.max_points})`);
      if (t.status !== 'pass' && t.message) out.push('', indent(markdownFence(t.message)), '');
      if (t.status !== 'pass' && t.details) out.push('', indent(markdownFence(JSON.stringify(t.details, null, 2), 'json')), '');
    }
    out.push('', '### Hidden tests', '', '_Named with their result only._', '');
    for (const t of e.tests.filter((x) => x.visibility === 'hidden')) {
      out.push(`- ${t.status === 'pass' ? '✅' : '❌'} ${escapeMarkdown(t.name)} — ${STATUS_TEXT[t.status]} (${t.points}/${t.max_points})`);
    }
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

// The frame of every HTML report: one self-contained file, inline CSS, no scripts, no external assets.
import { escapeHtml } from './escape';

const CSS = `
:root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6475;--bg:#fff;--card:#f5f7fb;--pass:#1a7f37;--fail:#c4352b;--error:#9a6700;--line:#d8dee8}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#9aa3b2;--bg:#14171d;--card:#1e232b;--line:#333a46;--pass:#4ac26b;--fail:#ff7b72;--error:#d29922}}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);max-width:1100px;margin:2rem auto;padding:0 1rem}
h1,h2,h3{line-height:1.25}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}th{font-weight:600}
.muted{color:var(--muted)}.pass{color:var(--pass)}.fail{color:var(--fail)}.error{color:var(--error)}
.card{background:var(--card);border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
pre{white-space:pre-wrap;word-break:break-word;background:var(--card);padding:.5rem;border-radius:6px;font-size:13px;margin:.25rem 0}
.num{text-align:right;font-variant-numeric:tabular-nums}svg text{fill:var(--fg);font:12px system-ui,sans-serif}
.bar{fill:#3b82f6}.grid{stroke:var(--line)}
tr.why td{border-bottom:1px solid var(--line);padding-top:0}tr:has(+tr.why) td{border-bottom:none}details summary{cursor:pointer;color:var(--muted)}
.side{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}.side pre{margin:0;overflow-x:auto}.side h4{margin:.5rem 0 .2rem;font-size:13px;font-weight:600}.hi{font-weight:700}`;

export function htmlPage(title: string, body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function statusClass(status: string): string {
  return status === 'pass' ? 'pass' : status === 'fail' ? 'fail' : 'error';
}

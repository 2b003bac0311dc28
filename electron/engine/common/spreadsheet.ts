// CSV cells that spreadsheets read safely: RFC 4180 quoting plus formula-injection escaping. Used by
// the grading reports written to disk and by the renderer's download links, so both files match.
// Node-free (the `common` layer).

/** RFC 4180 cell; a leading =, +, -, @, tab or CR gets a quote prefix so spreadsheets do not run it. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

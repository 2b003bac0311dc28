// CSV cells that spreadsheets read safely: RFC 4180 quoting plus formula-injection escaping. Used by
// the grading reports written to disk and by the renderer's download links, so both files match.
// Two dialects: RFC 4180 (',' and a decimal point) and the one Excel opens by double-click where the
// list separator is ';' and decimals take a comma (Russian, German, French… locales). Every file starts
// with a UTF-8 BOM, so Excel reads Cyrillic names as UTF-8 (LibreOffice ignores the BOM).
// Node-free (the `common` layer).

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export const RFC4180: CsvDialect = { separator: ',', decimal: '.' };
/** For Excel with a Russian (or any comma-decimal) locale: no import wizard, numbers stay numbers. */
export const SEMICOLON: CsvDialect = { separator: ';', decimal: ',' };
/** Tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** A cell; a leading =, +, -, @, tab or CR in text gets a quote prefix so spreadsheets do not run it. */
export function csvCell(value: string | number | boolean | null, dialect: CsvDialect = RFC4180): string {
  if (value === null) return '';
  let s = typeof value === 'number' && dialect.decimal === ',' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const needsQuotes = s.includes(dialect.separator) || /["\n\r]/.test(s);
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: BOM, header and rows, CRLF line ends. */
export function csvFile(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>, dialect: CsvDialect = RFC4180): string {
  return `${UTF8_BOM}${rows.map((r) => r.map((v) => csvCell(v, dialect)).join(dialect.separator)).join('\r\n')}\r\n`;
}

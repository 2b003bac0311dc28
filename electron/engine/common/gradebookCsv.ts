// gradebook.csv: exactly the documented columns, one row per submission found, CRLF line ends.
// Node-free (the `common` layer): the Instructor page's download link writes the same file.
import { CSV_COLUMNS, type GradebookEntry } from './gradebook';
import { csvCell } from './spreadsheet';

export function gradebookCsv(entries: GradebookEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) lines.push(CSV_COLUMNS.map((c) => csvCell(e[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

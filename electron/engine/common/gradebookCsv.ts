// gradebook.csv: exactly the documented columns, one row per submission found, CRLF line ends, a UTF-8
// BOM; in either CSV dialect (see spreadsheet.ts). Node-free (the `common` layer): the Instructor
// page's download link writes the same file.
import { CSV_COLUMNS, type GradebookEntry } from './gradebook';
import { csvFile, RFC4180, type CsvDialect } from './spreadsheet';

export function gradebookCsv(entries: GradebookEntry[], dialect: CsvDialect = RFC4180): string {
  return csvFile([[...CSV_COLUMNS], ...entries.map((e) => CSV_COLUMNS.map((c) => e[c]))], dialect);
}

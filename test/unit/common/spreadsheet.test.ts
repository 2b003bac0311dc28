// The one CSV cell writer that the grading reports and the Instructor page's downloads share.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../electron/engine/common/spreadsheet';

describe('csvCell', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
  });

  it('leaves numbers alone, even negative ones, and writes null as an empty cell', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('quotes separators, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('Иванов, Пётр')).toBe('"Иванов, Пётр"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

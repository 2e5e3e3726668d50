import { describe, expect, it } from 'vitest';
import { mapColumns, parseMappingText } from './column-mapping.ts';
import { parseCsv } from './csv-table.ts';
import { customerFields } from './import-fields.ts';

describe('reading CSV files', () => {
  it('finds the delimiter, drops the byte-order mark and keeps the line each row starts on', () => {
    const table = parseCsv(
      '\uFEFFName;E-Mail\r\n"Ada ""A"" L";ada@x.org\r\n\r\n"Multi\r\nline";b@c.de\nBob;bob@x',
    );
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Name', 'E-Mail']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Ada "A" L', 'ada@x.org'] },
      { line: 4, cells: ['Multi\nline', 'b@c.de'] },
      { line: 6, cells: ['Bob', 'bob@x'] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n"unclosed,1\n')).toThrow(/MalformedCsv|not readable CSV.*line 2/);
  });

  it('refuses a file without a header', () => {
    expect(() => parseCsv('')).toThrow('The file has no header row.');
  });
});

describe('mapping columns to fields', () => {
  it('recognises the usual headers by name, case and punctuation ignored', () => {
    const mapping = mapColumns(
      ['Full Name', 'E-Mail', 'Mobile Phone', 'ZIP', 'Notes'],
      customerFields,
    );
    expect(Object.fromEntries(mapping.columnOf)).toEqual({
      name: 0,
      email: 1,
      phone: 2,
      postalCode: 3,
    });
    expect(mapping.unmapped).toEqual(['Notes']);
  });

  it('lets an explicit mapping win, and refuses unknown fields or columns', () => {
    const mapping = mapColumns(['Kontakt', 'Tel.'], customerFields, {
      name: 'Kontakt',
      phone: 'Tel.',
    });
    expect(Object.fromEntries(mapping.columnOf)).toEqual({ name: 0, phone: 1 });
    expect(() => mapColumns(['a'], customerFields, { nickname: 'a' })).toThrow(
      '"nickname" is not a field',
    );
    expect(() => mapColumns(['a'], customerFields, { email: 'Mail' })).toThrow(
      'the file has no such column',
    );
  });

  it('reads a mapping file as JSON or as field=Column lines', () => {
    expect(parseMappingText('{"email": "E-Mail"}', 'm.json')).toEqual({ email: 'E-Mail' });
    expect(parseMappingText('# ours\nemail = E-Mail\nphone=Tel.\n', 'm.txt')).toEqual({
      email: 'E-Mail',
      phone: 'Tel.',
    });
    expect(() => parseMappingText('email', 'm.txt')).toThrow(
      'm.txt line 1: "email" is not field=Column.',
    );
  });
});

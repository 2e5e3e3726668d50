import { ImportError } from './import-error.ts';
import type { ImportField } from './import-fields.ts';

/** Which column (by index) holds each field; fields without a column are absent. */
export interface ColumnMapping {
  readonly columnOf: ReadonlyMap<string, number>;
  /** The header each mapped field was read from, for messages (`"E-Mail"`). */
  readonly headerOf: ReadonlyMap<string, string>;
  /** Headers that no field reads: reported, so nothing is dropped unnoticed. */
  readonly unmapped: ReadonlyArray<string>;
}

/** `"E-Mail Address"` → `"e mail address"`: how headers and aliases are compared. */
export const headerKey = (header: string): string =>
  header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Decides which column feeds which field: the explicit mapping first (`field → header`, from
 * flags or a mapping file), then, for every other field, a header equal to the field's name or
 * one of its aliases (case, spaces, `_`, `-` ignored). An explicit entry naming an unknown
 * field, or a header the file does not have, is `InvalidMapping`.
 *
 * @example
 * mapColumns(['Full Name', 'E-Mail'], customerFields, { phone: 'Tel.' }) // InvalidMapping: no "Tel." column
 */
export const mapColumns = (
  headers: ReadonlyArray<string>,
  fields: ReadonlyArray<ImportField>,
  explicit: Readonly<Record<string, string>> = {},
): ColumnMapping => {
  const known = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const columnOf = new Map<string, number>();
  const headerOf = new Map<string, string>();
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  for (const [name, header] of Object.entries(explicit)) {
    const target = known.get(name.toLowerCase());
    if (target === undefined) {
      throw new ImportError(
        'InvalidMapping',
        `mapping: "${name}" is not a field; fields are ${fields.map((f) => f.name).join(', ')}.`,
      );
    }
    const index =
      headers.indexOf(header) >= 0 ? headers.indexOf(header) : keys.indexOf(headerKey(header));
    if (index < 0) {
      throw new ImportError(
        'InvalidMapping',
        `mapping: ${target.name} → "${header}", but the file has no such column; its columns are ${headers.map((h) => `"${h}"`).join(', ')}.`,
      );
    }
    columnOf.set(target.name, index);
    headerOf.set(target.name, headers[index] ?? header);
    taken.add(index);
  }
  for (const target of fields) {
    if (columnOf.has(target.name)) continue;
    const names = [headerKey(target.name), ...target.aliases.map(headerKey)];
    const index = keys.findIndex((key, i) => !taken.has(i) && names.includes(key));
    if (index >= 0) {
      columnOf.set(target.name, index);
      headerOf.set(target.name, headers[index] ?? target.name);
      taken.add(index);
    }
  }
  return {
    columnOf,
    headerOf,
    unmapped: headers.filter((header, i) => !taken.has(i) && header !== ''),
  };
};

/**
 * Reads a mapping file: JSON `{ "email": "E-Mail", … }`, or lines of `field=Header` (`#`
 * starts a comment). Anything else is `InvalidMapping`.
 */
export const parseMappingText = (text: string, where: string): Record<string, string> => {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new ImportError('InvalidMapping', `${where}: not valid JSON (${String(error)}).`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ImportError('InvalidMapping', `${where}: expected an object of field → column.`);
    }
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') {
        throw new ImportError('InvalidMapping', `${where}: the column of ${key} must be a string.`);
      }
      out[key] = value;
    }
    return out;
  }
  const out: Record<string, string> = {};
  for (const [index, raw] of trimmed.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const pair = parseMappingPair(line, `${where} line ${index + 1}`);
    out[pair[0]] = pair[1];
  }
  return out;
};

/** Reads one `field=Header` pair (a `--map` flag or a mapping-file line). */
export const parseMappingPair = (text: string, where: string): readonly [string, string] => {
  const at = text.indexOf('=');
  const name = at < 0 ? '' : text.slice(0, at).trim();
  const header = at < 0 ? '' : text.slice(at + 1).trim();
  if (name === '' || header === '') {
    throw new ImportError('InvalidMapping', `${where}: "${text}" is not field=Column.`);
  }
  return [name, header];
};

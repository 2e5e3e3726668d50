import type { AcquisitionChannel, PhoneRegion } from '@crm/domain';
import type { DateOrder } from './clean-values.ts';
import { mapColumns } from './column-mapping.ts';
import { parseCsv } from './csv-table.ts';
import { type CleanCustomer, cleanCustomerRow, registrationOf } from './customer-rows.ts';
import {
  describeRefusal,
  forEachLimited,
  type ImportContext,
  streamExists,
} from './import-context.ts';
import { ImportError } from './import-error.ts';
import { customerFields } from './import-fields.ts';
import { importIds } from './import-ids.ts';
import type { DuplicateRow, FailedRow, ImportReport, WrittenRow } from './import-report.ts';
import { cleanRows, handleAs, sharedRowOptions, wroteNothing, wroteRows } from './import-run.ts';

/** How a customers file is read and written. */
export interface CustomerImportOptions {
  /** Field → column header, overriding the headers recognised by name. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Keeps the record ids of different source systems apart (`csv-import`). */
  readonly namespace?: string;
  readonly defaultRegion?: PhoneRegion;
  readonly source?: string;
  readonly channel?: AcquisitionChannel;
  /** The owner of rows that name none; the actor by default. */
  readonly ownerId?: string;
  readonly dateOrder?: DateOrder;
  /** Register duplicates and merge each into its survivor, instead of skipping them. */
  readonly mergeDuplicates?: boolean;
  /** Write nothing when any row is invalid. */
  readonly allOrNothing?: boolean;
  /** The instant rows without a registration date are registered at. */
  readonly now: string;
}

/** Whether the customer's last merge event is a merge (not a revert): a previous run merged it. */
const isMerged = async (context: ImportContext, streamName: string): Promise<boolean> => {
  const events = await context.eventStore.readStream(streamName);
  const last = events
    .filter((e) => e.type === 'CustomerMerged' || e.type === 'CustomerMergeReverted')
    .at(-1);
  return last?.type === 'CustomerMerged';
};

interface Planned {
  readonly row: CleanCustomer;
  readonly customerId: string;
  readonly duplicate: DuplicateRow | undefined;
}

/** Finds repeats and duplicates inside the file, in file order (the first row survives). */
const planFile = (rows: ReadonlyArray<CleanCustomer>, idOf: (key: string) => string): Planned[] => {
  const byId = new Map<string, CleanCustomer>();
  const byContact = new Map<string, { row: CleanCustomer; survivorId: string }>();
  const planned: Planned[] = [];
  for (const row of rows) {
    const customerId = idOf(row.key);
    const same = byId.get(customerId);
    if (same !== undefined) {
      planned.push({
        row,
        customerId,
        duplicate: {
          line: row.line,
          of: { line: same.line },
          by: 'repeat',
          value: row.externalId,
          survivorId: customerId,
          action: 'skipped',
        },
      });
      continue;
    }
    byId.set(customerId, row);
    const contacts: Array<['email' | 'phone', string | undefined]> = [
      ['email', row.email],
      ['phone', row.phone],
    ];
    const match = contacts.find(
      ([kind, value]) => value !== undefined && byContact.has(`${kind}:${value}`),
    );
    const first = match === undefined ? undefined : byContact.get(`${match[0]}:${match[1]}`);
    const survivorId = first?.survivorId ?? customerId;
    for (const [kind, value] of contacts) {
      if (value !== undefined && !byContact.has(`${kind}:${value}`)) {
        byContact.set(`${kind}:${value}`, { row: first?.row ?? row, survivorId });
      }
    }
    planned.push({
      row,
      customerId,
      duplicate:
        match === undefined || first === undefined
          ? undefined
          : {
              line: row.line,
              of: { line: first.row.line },
              by: match[0],
              value: match[1],
              survivorId,
              action: 'skipped',
            },
    });
  }
  return planned;
};

/**
 * Imports customers from CSV text (brief §3, data cleaning): columns mapped by name or by an
 * explicit mapping; names tidied, emails and phones normalised; every invalid row reported
 * with its line, field and column; repeats and duplicates — within the file, and against the
 * stored customers by normalised email or phone — reported, and skipped or (with
 * `mergeDuplicates`) registered and merged into their survivor. Ids derive from each row's
 * record id or content, so a re-run stores nothing twice. With `allOrNothing`, a file with
 * any invalid row writes nothing.
 *
 * @example
 * const report = await importCustomers(csvText, { handle, eventStore, directory, actor }, { now });
 */
export const importCustomers = async (
  text: string,
  context: ImportContext,
  options: CustomerImportOptions,
): Promise<ImportReport> => {
  const table = parseCsv(text);
  const mapping = mapColumns(table.headers, customerFields, options.mapping);
  if (!['name', 'familyName', 'company'].some((field) => mapping.columnOf.has(field))) {
    throw new ImportError(
      'InvalidMapping',
      `No column gives the customer's name: map one of name, familyName or company (columns: ${table.headers.map((h) => `"${h}"`).join(', ')}).`,
    );
  }
  const ids = importIds(options.namespace ?? 'csv-import', 'customers');
  const { invalid, clean } = cleanRows(table, mapping, (reader) =>
    cleanCustomerRow(reader, {
      source: options.source ?? 'csv-import',
      channel: options.channel ?? 'other',
      ...sharedRowOptions(options, context),
    }),
  );

  let planned = planFile(clean, ids.aggregateId);
  if (context.directory !== undefined) {
    const originals = planned.filter((p) => p.duplicate === undefined);
    const stored = await context.directory.find({
      emails: originals.flatMap((p) => (p.row.email === undefined ? [] : [p.row.email])),
      phones: originals.flatMap((p) => (p.row.phone === undefined ? [] : [p.row.phone])),
    });
    const survivorOf = new Map<string, string>();
    planned = planned.map((p) => {
      if (p.duplicate !== undefined) {
        // A duplicate of a row that itself duplicates a stored customer merges there.
        const survivorId = survivorOf.get(p.duplicate.survivorId) ?? p.duplicate.survivorId;
        return { ...p, duplicate: { ...p.duplicate, survivorId } };
      }
      const match = stored.find(
        (s) =>
          s.customerId !== p.customerId &&
          ((p.row.email !== undefined && s.email === p.row.email) ||
            (p.row.phone !== undefined && s.phone === p.row.phone)),
      );
      // Its own earlier import is not a duplicate of it.
      if (match === undefined || stored.some((s) => s.customerId === p.customerId)) return p;
      survivorOf.set(p.customerId, match.customerId);
      const by = p.row.email !== undefined && match.email === p.row.email ? 'email' : 'phone';
      return {
        ...p,
        duplicate: {
          line: p.row.line,
          of: { customerId: match.customerId, name: match.displayName },
          by,
          value: by === 'email' ? p.row.email : p.row.phone,
          survivorId: match.customerId,
          action: 'skipped',
        },
      };
    });
  }
  const merge = options.mergeDuplicates === true;
  const duplicates = planned.flatMap((p) =>
    p.duplicate === undefined
      ? []
      : [
          {
            ...p.duplicate,
            action: merge && p.duplicate.by !== 'repeat' ? 'merged' : 'skipped',
          } as DuplicateRow,
        ],
  );
  const base = {
    kind: 'customers' as const,
    rows: table.rows.length,
    duplicates,
    invalid,
    unmappedColumns: mapping.unmapped,
  };
  if (options.allOrNothing === true && invalid.length > 0) {
    return wroteNothing(base);
  }

  const toRegister = planned.filter(
    (p) => p.duplicate === undefined || (merge && p.duplicate.by !== 'repeat'),
  );
  const toMerge = toRegister.filter((p) => p.duplicate !== undefined);
  const written: WrittenRow[] = [];
  const alreadyImported: WrittenRow[] = [];
  const failed: FailedRow[] = [];
  const total = toRegister.length + toMerge.length;
  let done = 0;
  const step = async (p: Planned, name: string, command: unknown): Promise<boolean> => {
    const result = await handleAs(context, command, ids.commandId(p.row.key, name));
    context.onProgress?.({ done: ++done, total });
    if (result.kind === 'accepted') return true;
    failed.push({
      line: p.row.line,
      id: p.customerId,
      message: describeRefusal(result),
      kind: result.kind,
    });
    return false;
  };
  await forEachLimited(toRegister, context.concurrency ?? 8, async (p) => {
    if (await streamExists(context.eventStore, `customer-${p.customerId}`)) {
      alreadyImported.push({ line: p.row.line, id: p.customerId, action: 'registered' });
      context.onProgress?.({ done: ++done, total });
      return;
    }
    if (await step(p, 'register', registrationOf(p.row, p.customerId))) {
      written.push({ line: p.row.line, id: p.customerId, action: 'registered' });
    }
  });
  // Survivors first, then the merges: a merge names a survivor that must exist.
  const refused = new Set(failed.map((f) => f.line));
  await forEachLimited(toMerge, context.concurrency ?? 8, async (p) => {
    if (p.duplicate === undefined || refused.has(p.row.line)) return;
    if (await isMerged(context, `customer-${p.customerId}`)) {
      alreadyImported.push({
        line: p.row.line,
        id: p.customerId,
        action: `merged into ${p.duplicate.survivorId}`,
      });
      context.onProgress?.({ done: ++done, total });
      return;
    }
    const merged = await step(p, 'merge', {
      type: 'MergeCustomerInto',
      data: { customerId: p.customerId, survivorId: p.duplicate.survivorId, at: options.now },
    });
    if (merged)
      written.push({
        line: p.row.line,
        id: p.customerId,
        action: `merged into ${p.duplicate.survivorId}`,
      });
  });
  return wroteRows(base, written, alreadyImported, failed);
};

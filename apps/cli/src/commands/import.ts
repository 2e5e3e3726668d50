import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AcquisitionChannel, CurrencyCode, PhoneRegion } from '@crm/domain';
import {
  customer360Directory,
  type DateOrder,
  type ImportContext,
  type ImportReport,
  importCustomers,
  importDeals,
  parseMappingPair,
  parseMappingText,
  type StoredCustomerDirectory,
} from '@crm/import';
import type { Customer360Tables } from '@crm/read-models';
import { Command, Option } from 'commander';
import { sql } from 'kysely';
import { CliError } from '../cli-error.ts';
import { count } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { createProgress } from '../output/progress.ts';
import { renderTable } from '../output/table.ts';
import type { Runtime } from '../runtime.ts';
import { withRuntime } from '../with-runtime.ts';

interface ImportFlags {
  readonly map: ReadonlyArray<string>;
  readonly mapping?: string;
  readonly region?: string;
  readonly dateOrder?: DateOrder;
  readonly namespace: string;
  readonly owner?: string;
  readonly actor: string;
  readonly role: string;
  readonly allOrNothing?: boolean;
  readonly json?: boolean;
}

const readText = async (path: string, what: string): Promise<string> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new CliError('notFound', `${what} ${path}: no such file.`);
    if (code === 'EISDIR')
      throw new CliError('usage', `${what} ${path} is a directory, not a file.`);
    if (code === 'EACCES') throw new CliError('usage', `${what} ${path}: permission denied.`);
    throw new CliError('usage', `${what} ${path} cannot be read: ${String(error)}.`);
  }
};

const mappingOf = async (flags: ImportFlags): Promise<Record<string, string>> => {
  const mapping =
    flags.mapping === undefined
      ? {}
      : parseMappingText(await readText(flags.mapping, 'mapping file'), flags.mapping);
  for (const pair of flags.map) {
    const [field, header] = parseMappingPair(pair, '--map');
    mapping[field] = header;
  }
  return mapping;
};

const regionOf = (flags: ImportFlags): PhoneRegion | undefined => {
  const region = flags.region?.trim().toUpperCase();
  if (region !== undefined && !/^[A-Z]{2}$/.test(region)) {
    throw new CliError(
      'usage',
      `--region: "${flags.region}" is not a two-letter region code (GB, DE, US…).`,
    );
  }
  return region as PhoneRegion | undefined;
};

/** The customer-360 read model as the duplicate directory, if the projector has built it. */
const directoryOf = async (runtime: Runtime): Promise<StoredCustomerDirectory | undefined> => {
  const { rows } = await sql<{ readonly found: boolean }>`
    SELECT to_regclass('customer_360.customers') IS NOT NULL AS found`.execute(runtime.db);
  if (rows[0]?.found !== true) {
    processOutput.note(
      'No customer-360 read model yet: duplicates are looked for within the file only.',
    );
    return undefined;
  }
  return customer360Directory(runtime.readModel<Customer360Tables>('customer_360'));
};

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...previous,
  value,
];

const withCommonOptions = (command: Command): Command =>
  command
    .option('--map <field=Column>', 'read a field from this column (repeatable)', collect, [])
    .option('--mapping <file>', 'a mapping file: JSON {"email": "E-Mail"} or lines of field=Column')
    .option(
      '--region <code>',
      'region national phone numbers are read in when a row names no country (GB, DE…)',
    )
    .addOption(
      new Option(
        '--date-order <order>',
        'how 01/02/2025 is read: day first or month first',
      ).choices(['dmy', 'mdy']),
    )
    .option(
      '--namespace <name>',
      'keeps record ids of different source systems apart',
      'csv-import',
    )
    .option('--owner <userId>', 'owner of rows that name none (default: the actor)')
    .option('--actor <userId>', 'who runs the import (recorded on every event)', 'crm-import')
    .option('--role <role>', 'the actor’s role; it must allow the commands', 'admin')
    .option('--all-or-nothing', 'write nothing when any row is invalid')
    .option('--json', 'JSON for scripts');

/** Prints an import report; returns whether every row went through. */
const report = (result: ImportReport, file: string, json: boolean): boolean => {
  const clean = result.invalid.length === 0 && result.failed.length === 0;
  if (json) {
    processOutput.json({ file, ok: clean, ...result });
    return clean;
  }
  const merged = result.duplicates.filter((d) => d.action === 'merged').length;
  const invalidLines = new Set(result.invalid.map((p) => p.line)).size;
  processOutput.result(
    `${file}: ${count(result.rows)} rows — ${count(result.written.length)} written, ${count(result.alreadyImported.length)} already imported, ` +
      `${count(result.duplicates.length)} duplicates (${count(merged)} merged, ${count(result.duplicates.length - merged)} skipped), ` +
      `${count(invalidLines)} invalid, ${count(result.failed.length)} refused.`,
  );
  if (result.wroteNothing) {
    processOutput.result(
      `Nothing was written: ${count(invalidLines)} invalid rows and --all-or-nothing.`,
    );
  }
  if (result.invalid.length > 0) {
    processOutput.result('Invalid rows:');
    processOutput.result(
      renderTable({
        head: ['line', 'field', 'column', 'problem'],
        right: [0],
        rows: result.invalid.map((p) => [p.line, p.field, p.column ?? '–', p.message]),
        maxWidth: 90,
      }),
    );
  }
  if (result.duplicates.length > 0) {
    processOutput.result('Duplicates:');
    processOutput.result(
      renderTable({
        head: ['line', 'duplicates', 'by', 'value', 'action'],
        right: [0],
        rows: result.duplicates.map((d) => [
          d.line,
          'line' in d.of
            ? `line ${d.of.line}`
            : `${d.of.customerId}${d.of.name === null ? '' : ` (${d.of.name})`}`,
          d.by,
          d.value ?? '',
          d.action === 'merged'
            ? `merged into ${d.survivorId}`
            : d.by === 'repeat'
              ? 'skipped (same record)'
              : 'skipped (--merge-duplicates merges it)',
        ]),
      }),
    );
  }
  if (result.failed.length > 0) {
    processOutput.result('Refused while writing:');
    processOutput.result(
      renderTable({
        head: ['line', 'id', 'problem'],
        right: [0],
        rows: result.failed.map((f) => [f.line, f.id, f.message]),
        maxWidth: 90,
      }),
    );
  }
  if (result.written.length > 0) {
    processOutput.result('Written:');
    processOutput.result(
      renderTable({
        head: ['line', 'id', 'done'],
        right: [0],
        rows: result.written.map((w) => [w.line, w.id, w.action]),
      }),
    );
  }
  if (result.unmappedColumns.length > 0) {
    processOutput.result(
      `Columns not imported: ${result.unmappedColumns.map((c) => `"${c}"`).join(', ')}.`,
    );
  }
  return clean;
};

const finish = (result: ImportReport, file: string, json: boolean): void => {
  if (!report(result, file, json)) {
    const invalid = new Set(result.invalid.map((p) => p.line)).size;
    throw new CliError(
      'rowsRejected',
      result.wroteNothing
        ? `Nothing imported: ${invalid} invalid row${invalid === 1 ? '' : 's'} (--all-or-nothing).`
        : `${invalid} invalid and ${result.failed.length} refused row${invalid + result.failed.length === 1 ? '' : 's'}; the other rows were imported.`,
    );
  }
};

/** The file and the flags every import reads before it opens the runtime. */
interface ImportInput {
  readonly text: string;
  readonly mapping: Record<string, string>;
  readonly region: PhoneRegion | undefined;
}

const readInput = async (file: string, flags: ImportFlags): Promise<ImportInput> => {
  const text = await readText(file, 'file');
  const mapping = await mappingOf(flags);
  return { text, mapping, region: regionOf(flags) };
};

/** The import options customers and deals take from the common flags. */
const commonImportOptions = (input: ImportInput, flags: ImportFlags) => ({
  mapping: input.mapping,
  namespace: flags.namespace,
  now: new Date().toISOString(),
  ...(input.region === undefined ? {} : { defaultRegion: input.region }),
  ...(flags.owner === undefined ? {} : { ownerId: flags.owner }),
  ...(flags.dateOrder === undefined ? {} : { dateOrder: flags.dateOrder }),
  ...(flags.allOrNothing === true ? { allOrNothing: true } : {}),
});

/** Runs an import on the runtime with a progress bar, then reports it (failing on bad rows). */
const runImport = (
  command: Command,
  file: string,
  flags: ImportFlags,
  run: (runtime: Runtime, context: ImportContext) => Promise<ImportReport>,
): Promise<void> =>
  withRuntime(command, { migrate: true }, async (runtime) => {
    const progress = createProgress();
    const bar = progress.bar(`Importing ${basename(file)}`, 0);
    try {
      const directory = await directoryOf(runtime);
      const result = await run(runtime, {
        handle: runtime.handle,
        eventStore: runtime.eventStore,
        actor: { id: flags.actor, role: flags.role },
        logger: runtime.logger,
        onProgress: ({ done, total }) => bar.update(done, total),
        ...(directory === undefined ? {} : { directory }),
      });
      bar.finish();
      progress.stop();
      finish(result, file, flags.json === true);
    } finally {
      progress.stop();
    }
  });

const customersCommand = (): Command =>
  withCommonOptions(
    new Command('customers')
      .description(
        'import customers: names tidied, phones and emails normalised, duplicates found and reported (or merged)',
      )
      .argument('<file>', 'CSV with a header row (, ; tab or | separated)'),
  )
    .option('--source <label>', 'acquisition source of rows that name none', 'csv-import')
    .option('--channel <channel>', 'acquisition channel of rows that name none', 'other')
    .option(
      '--merge-duplicates',
      'register duplicates and merge each into its survivor instead of skipping them',
    )
    .action(
      async (
        file: string,
        flags: ImportFlags & { source: string; channel: string; mergeDuplicates?: boolean },
        command: Command,
      ) => {
        const input = await readInput(file, flags);
        await runImport(command, file, flags, (_runtime, context) =>
          importCustomers(input.text, context, {
            ...commonImportOptions(input, flags),
            source: flags.source,
            channel: flags.channel as AcquisitionChannel,
            ...(flags.mergeDuplicates === true ? { mergeDuplicates: true } : {}),
          }),
        );
      },
    );

const rateOf = (
  value: string,
  previous: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> => {
  const match = /^([A-Za-z]{3})=(\d+(?:[.,]\d+)?)$/.exec(value.trim());
  if (match === null) throw new CliError('usage', `--rate: "${value}" is not CUR=rate (USD=0.92).`);
  return { ...previous, [(match[1] ?? '').toUpperCase()]: (match[2] ?? '').replace(',', '.') };
};

const dealsCommand = (): Command =>
  withCommonOptions(
    new Command('deals')
      .description(
        'import deals (opportunities and orders): each row becomes its open / stage / win or lose commands',
      )
      .argument('<file>', 'CSV with a header row'),
  )
    .option(
      '--currency <code>',
      'currency of amounts that name none (default: the reporting currency)',
    )
    .option(
      '--rate <CUR=rate>',
      'exchange rate into the reporting currency for won deals (repeatable)',
      rateOf,
      {},
    )
    .option('--product <productId>', 'product of rows that name none', 'imported')
    .action(
      async (
        file: string,
        flags: ImportFlags & {
          currency?: string;
          rate: Readonly<Record<string, string>>;
          product: string;
        },
        command: Command,
      ) => {
        const input = await readInput(file, flags);
        const currency = flags.currency?.trim().toUpperCase();
        if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
          throw new CliError('usage', `--currency: "${flags.currency}" is not an ISO 4217 code.`);
        }
        await runImport(command, file, flags, (runtime, context) =>
          importDeals(input.text, context, {
            ...commonImportOptions(input, flags),
            reportingCurrency: runtime.options.settings.reportingCurrency,
            rates: flags.rate,
            productId: flags.product,
            ...(currency === undefined ? {} : { currency: currency as CurrencyCode }),
          }),
        );
      },
    );

/** `crm import customers|deals <file.csv>`. */
export const importCommand = (): Command =>
  new Command('import')
    .description('import customers or deals from CSV exported by another CRM or a spreadsheet')
    .addCommand(customersCommand())
    .addCommand(dealsCommand());

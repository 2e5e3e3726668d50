import type { CurrencyCode, PhoneRegion } from '@crm/domain';
import type { DateOrder } from './clean-values.ts';
import { mapColumns } from './column-mapping.ts';
import { parseCsv } from './csv-table.ts';
import {
  type CleanDeal,
  checkDealSteps,
  cleanDealRow,
  type DealStep,
  dealSteps,
} from './deal-rows.ts';
import {
  describeRefusal,
  forEachLimited,
  type ImportContext,
  streamExists,
} from './import-context.ts';
import { ImportError } from './import-error.ts';
import { dealFields } from './import-fields.ts';
import { importIds } from './import-ids.ts';
import type { DuplicateRow, FailedRow, ImportReport, WrittenRow } from './import-report.ts';
import { cleanRows, handleAs, sharedRowOptions, wroteNothing, wroteRows } from './import-run.ts';

/** How a deals file is read and written. */
export interface DealImportOptions {
  readonly mapping?: Readonly<Record<string, string>>;
  /** As for customers: the same namespace finds the customers a customers import stored. */
  readonly namespace?: string;
  readonly reportingCurrency: CurrencyCode;
  /** Currency of amounts that name none (the reporting currency by default). */
  readonly currency?: CurrencyCode;
  /** Exchange rates into the reporting currency (`{ USD: '0.92' }`) for rows without a rate. */
  readonly rates?: Readonly<Record<string, string>>;
  readonly defaultRegion?: PhoneRegion;
  /** Product of rows that name none (`imported`). */
  readonly productId?: string;
  readonly ownerId?: string;
  readonly dateOrder?: DateOrder;
  readonly allOrNothing?: boolean;
  readonly now: string;
}

interface PlannedDeal {
  readonly deal: CleanDeal;
  readonly dealId: string;
  readonly customerId: string;
  readonly steps: ReadonlyArray<DealStep>;
}

/**
 * Imports deals from CSV text: each row becomes the real commands of its history — open (with
 * one line item from amount, cost, product and quantity), move to its stage, win (with the
 * exchange rate into the reporting currency) or lose — checked by the deal decider before
 * anything is written. The customer is found by its id in a customers file imported with the
 * same namespace, a CRM customer id, or a stored customer's email or phone. Rows repeating a
 * deal of the file are skipped; ids derive from each row, so a re-run stores nothing twice.
 *
 * @example
 * const report = await importDeals(csvText, context, { reportingCurrency: 'EUR', now });
 */
export const importDeals = async (
  text: string,
  context: ImportContext,
  options: DealImportOptions,
): Promise<ImportReport> => {
  const table = parseCsv(text);
  const mapping = mapColumns(table.headers, dealFields, options.mapping);
  if (!['customer', 'customerEmail', 'customerPhone'].some((f) => mapping.columnOf.has(f))) {
    throw new ImportError(
      'InvalidMapping',
      `No column names the deal's customer: map one of customer, customerEmail or customerPhone (columns: ${table.headers.map((h) => `"${h}"`).join(', ')}).`,
    );
  }
  if (!mapping.columnOf.has('amount')) {
    throw new ImportError('InvalidMapping', `No column gives the deal's amount: map amount.`);
  }
  const namespace = options.namespace ?? 'csv-import';
  const ids = importIds(namespace, 'deals');
  const customerIds = importIds(namespace, 'customers');
  const { invalid, clean } = cleanRows(table, mapping, (reader) =>
    cleanDealRow(reader, {
      reportingCurrency: options.reportingCurrency,
      currency: options.currency ?? options.reportingCurrency,
      rates: options.rates ?? {},
      productId: options.productId ?? 'imported',
      ...sharedRowOptions(options, context),
    }),
  );

  // Customers: an id from the customers file, a CRM id, or a stored email or phone.
  const byContact = new Map<string, string>();
  if (context.directory !== undefined) {
    const found = await context.directory.find({
      emails: clean.flatMap((d) => (d.customer.by === 'email' ? [d.customer.value] : [])),
      phones: clean.flatMap((d) => (d.customer.by === 'phone' ? [d.customer.value] : [])),
    });
    for (const customer of found) {
      if (customer.email !== null && !byContact.has(`email:${customer.email}`))
        byContact.set(`email:${customer.email}`, customer.customerId);
      if (customer.phone !== null && !byContact.has(`phone:${customer.phone}`))
        byContact.set(`phone:${customer.phone}`, customer.customerId);
    }
  }
  const exists = new Map<string, boolean>();
  const known = async (customerId: string): Promise<boolean> => {
    const cached = exists.get(customerId);
    if (cached !== undefined) return cached;
    const found = await streamExists(context.eventStore, `customer-${customerId}`);
    exists.set(customerId, found);
    return found;
  };
  const planned: PlannedDeal[] = [];
  const duplicates: DuplicateRow[] = [];
  const seen = new Map<string, number>();
  for (const deal of clean) {
    let customerId: string | undefined;
    if (deal.customer.by === 'customer') {
      const imported = customerIds.aggregateId(`id:${deal.customer.value}`);
      if (await known(imported)) customerId = imported;
      else if (
        /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/.test(deal.customer.value) &&
        (await known(deal.customer.value))
      ) {
        customerId = deal.customer.value;
      }
    } else {
      customerId = byContact.get(`${deal.customer.by}:${deal.customer.value}`);
    }
    const field =
      deal.customer.by === 'customer'
        ? 'customer'
        : deal.customer.by === 'email'
          ? 'customerEmail'
          : 'customerPhone';
    if (customerId === undefined) {
      invalid.push({
        line: deal.line,
        field,
        column: mapping.headerOf.get(field),
        message: `no stored customer has ${deal.customer.by === 'customer' ? 'the id' : `the ${deal.customer.by}`} "${deal.customer.value}" (import the customers first${deal.customer.by === 'customer' ? '' : ', and let the projector catch up'})`,
      });
      continue;
    }
    const dealId = ids.aggregateId(deal.key);
    const first = seen.get(dealId);
    if (first !== undefined) {
      duplicates.push({
        line: deal.line,
        of: { line: first },
        by: 'repeat',
        value: deal.externalId,
        survivorId: dealId,
        action: 'skipped',
      });
      continue;
    }
    seen.set(dealId, deal.line);
    const steps = dealSteps(deal, dealId, customerId, options.reportingCurrency);
    const refused = checkDealSteps(steps);
    if (refused !== undefined) {
      invalid.push({
        line: deal.line,
        field: refused.field,
        column: mapping.headerOf.get(refused.field),
        message: refused.message,
      });
      continue;
    }
    planned.push({ deal, dealId, customerId, steps });
  }
  invalid.sort((a, b) => a.line - b.line);
  const base = {
    kind: 'deals' as const,
    rows: table.rows.length,
    duplicates,
    invalid,
    unmappedColumns: mapping.unmapped,
  };
  if (options.allOrNothing === true && invalid.length > 0) {
    return wroteNothing(base);
  }

  const written: WrittenRow[] = [];
  const alreadyImported: WrittenRow[] = [];
  const failed: FailedRow[] = [];
  let done = 0;
  await forEachLimited(planned, context.concurrency ?? 8, async (p) => {
    const before = await streamExists(context.eventStore, `deal-${p.dealId}`);
    // The steps of one deal run in order; a re-run replays them (same ids) and writes nothing.
    for (const step of p.steps) {
      const result = await handleAs(context, step.command, ids.commandId(p.deal.key, step.name));
      if (result.kind !== 'accepted') {
        failed.push({
          line: p.deal.line,
          id: p.dealId,
          message: describeRefusal(result),
          kind: result.kind,
        });
        break;
      }
    }
    context.onProgress?.({ done: ++done, total: planned.length });
    if (failed.some((f) => f.line === p.deal.line)) return;
    const action = p.deal.status === 'open' ? 'opened' : p.deal.status;
    (before ? alreadyImported : written).push({ line: p.deal.line, id: p.dealId, action });
  });
  return wroteRows(base, written, alreadyImported, failed);
};

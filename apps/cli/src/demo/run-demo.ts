import { eventIdFor } from '@crm/command-handling';
import { type EventId, type PhoneRegion, policyCommandId } from '@crm/domain';
import type {
  CampaignPerformanceTables,
  Customer360Tables,
  LifecycleFunnelTables,
  ProfitTiersTables,
  SalesForecastTables,
} from '@crm/read-models';
import { customer360ByPhone } from '@crm/read-models';
import { estimateCrmHistorySize, generateCrmHistory } from '@crm/seed';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { globalOptionsOf } from '../global-options.ts';
import { InterruptedError, interrupted } from '../interrupt.ts';
import { renderCustomer360 } from '../output/customer-view.ts';
import { count } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { createProgress } from '../output/progress.ts';
import { loadCampaigns, renderCampaigns } from '../reports/campaigns-report.ts';
import { loadForecast, renderForecast } from '../reports/forecast-report.ts';
import { loadFunnel, renderFunnel } from '../reports/funnel-report.ts';
import { latestYear, loadTiers, renderTiers } from '../reports/tiers-report.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database.ts';
import { memoisedDecoder } from './memoised-decoder.ts';
import { projectAll } from './project-all.ts';
import { runPoliciesToEnd } from './run-policies.ts';
import { writeHistory } from './write-history.ts';

/** Connections beyond the writers': the projections side by side, the policy runner, LISTEN. */
const extraConnections = 14;

/** The demo's own flags, as commander gives them. */
export interface DemoFlags {
  readonly customers: string;
  readonly seed: string;
  readonly months: string;
  readonly concurrency: string;
  readonly keep?: boolean;
}

const wholeNumber = (flag: string, value: string, min: number, max: number): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new CliError('usage', `${flag}: "${value}" is not a whole number from ${min} to ${max}.`);
  }
  return parsed;
};

/** The first day of the month `months` before this one: the history ends about now. */
const startOfHistory = (months: number): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1))
    .toISOString()
    .slice(0, 10);
};

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Refuses a database that holds another history: the demo's ids would collide with it. */
const checkFreshOrOurs = async (runtime: Runtime, prefix: string): Promise<boolean> => {
  const first = await runtime.eventStore.readAll({ maxCount: 1 });
  const event = first[0];
  if (event === undefined) return true;
  const commandId = event.metadata.commandId;
  if (typeof commandId === 'string' && commandId.startsWith(`${prefix}-`)) return false;
  throw new CliError(
    'usage',
    'The database already holds another history; give the demo an empty database (or none, and it starts its own).',
  );
};

const print = async (
  runtime: Runtime,
  facts: ReturnType<typeof generateCrmHistory>['facts'],
): Promise<void> => {
  const currency = runtime.options.settings.reportingCurrency;
  const known = facts.wellKnownCustomer;
  const found = await customer360ByPhone(
    runtime.readModel<Customer360Tables>('customer_360'),
    known.phone.typed,
    {
      defaultRegion: known.phone.region as PhoneRegion,
    },
  );
  processOutput.result(
    `\nA customer calls from ${known.phone.typed} (${known.phone.region}) — who is it?`,
  );
  if (found._tag !== 'Found' || found.customers.length === 0) {
    processOutput.result('  (no customer with that number)');
  } else {
    for (const view of found.customers)
      processOutput.result(renderCustomer360(view, { reportingCurrency: currency }));
  }
  processOutput.result(
    `\n${renderFunnel(await loadFunnel(runtime.readModel<LifecycleFunnelTables>('lifecycle_funnel')), currency)}`,
  );
  const tiers = runtime.readModel<ProfitTiersTables>('profit_tiers');
  // The last whole year of the history: the current one has only begun.
  const latest = await latestYear(tiers);
  const year =
    latest === new Date().getUTCFullYear() && latest > Number(facts.startAt.slice(0, 4))
      ? latest - 1
      : latest;
  processOutput.result(
    `\n${renderTiers(await loadTiers(tiers, { year }, runtime.readModel<Customer360Tables>('customer_360')), currency, 5)}`,
  );
  processOutput.result(
    `\n${renderCampaigns(await loadCampaigns(runtime.readModel<CampaignPerformanceTables>('campaign_performance')), currency, 12)}`,
  );
  const thisMonth = new Date().toISOString().slice(0, 7);
  processOutput.result(
    `\n${renderForecast(await loadForecast(runtime.readModel<SalesForecastTables>('sales_forecast'), { fromMonth: thisMonth }), { months: 6 })}`,
  );
};

/**
 * `crm demo`: starts an embedded PostgreSQL unless given a database, writes a seeded history
 * through command handling, runs the policy runner and the projections to the end of the log,
 * prints what the read models answer, and stops the server it started (also on Ctrl-C).
 */
export const runDemo = async (flags: DemoFlags, command: Command): Promise<void> => {
  const started = Date.now();
  const customers = wholeNumber('--customers', flags.customers, 10, 1_000_000);
  const months = wholeNumber('--months', flags.months, 2, 120);
  const concurrency = wholeNumber('--concurrency', flags.concurrency, 1, 256);
  const options = globalOptionsOf(command);
  const startAt = startOfHistory(months);
  const prefix = `demo-${flags.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 16) || 'seed'}-${startAt.slice(0, 7)}`;
  let embedded: EmbeddedDatabase | undefined;
  let runtime: Runtime | undefined;
  const progress = createProgress();
  try {
    if (options.databaseUrl === undefined) {
      processOutput.note('Starting an embedded PostgreSQL 18…');
      embedded = await startEmbeddedDatabase();
      processOutput.note(`  ready on ${new URL(embedded.url).host} in ${seconds(started)}`);
    }
    if (interrupted.aborted) throw new InterruptedError();
    runtime = await openRuntime(
      { ...options, databaseUrl: options.databaseUrl ?? embedded?.url },
      // The demo on a database of its own is its only writer; on a given one it may not be.
      {
        migrate: true,
        connections: concurrency + extraConnections,
        singleWriter: embedded !== undefined,
      },
    );
    const fresh = await checkFreshOrOurs(runtime, prefix);
    const history = generateCrmHistory({
      seed: flags.seed,
      customers,
      months,
      startAt,
      reportingCurrency: options.settings.reportingCurrency,
      commandIdPrefix: prefix,
      policyCommandId: ({ policy, triggerCommandId, triggerEventIndex }) =>
        policyCommandId(policy, eventIdFor(triggerCommandId, triggerEventIndex) as EventId),
    });
    const estimate = estimateCrmHistorySize({ seed: flags.seed, customers, months, startAt });
    processOutput.note(
      `${fresh ? 'Writing' : 'Re-sending (already stored: replays)'} ${count(customers)} customers over ${months} months from ${startAt} — about ${count(estimate.commands)} commands — through command handling:`,
    );
    const writeStarted = Date.now();
    const writing = progress.bar('Writing the history', estimate.commands);
    const written = await writeHistory(history, {
      handle: runtime.handle,
      concurrency,
      signal: interrupted,
      onProgress: (commands) => writing.update(commands, Math.max(estimate.commands, commands)),
    });
    writing.update(written.commands, written.commands);
    writing.finish();
    if (interrupted.aborted) throw new InterruptedError();
    const writeSeconds = (Date.now() - writeStarted) / 1000;

    const policyStarted = Date.now();
    const policies = progress.bar('Policy runner', 0);
    await runPoliciesToEnd(runtime, interrupted, (done, total) => policies.update(done, total));
    policies.finish();
    if (interrupted.aborted) throw new InterruptedError();
    const policySeconds = (Date.now() - policyStarted) / 1000;

    const projectStarted = Date.now();
    const bars = new Map(
      runtime.projections.map((p) => [p.name, progress.bar(`Projecting ${p.name}`, 0)]),
    );
    await projectAll(
      runtime,
      memoisedDecoder(runtime.decode),
      interrupted,
      (projection, done, total) => bars.get(projection.name)?.update(done, total),
    );
    for (const bar of bars.values()) bar.finish();
    progress.stop();
    if (interrupted.aborted) throw new InterruptedError();
    const projectSeconds = (Date.now() - projectStarted) / 1000;

    processOutput.note(
      `\nWrote ${count(written.commands)} commands (${count(written.events)} events) in ${writeSeconds.toFixed(1)} s ` +
        `(${count(Math.round(written.commands / Math.max(writeSeconds, 0.001)))} commands/s), policies ${policySeconds.toFixed(1)} s, ` +
        `projections ${projectSeconds.toFixed(1)} s.`,
    );
    if (written.refusedCount > 0) {
      processOutput.note(
        `${written.refusedCount} commands were not accepted, e.g. ${written.refused
          .map(
            (r) =>
              `${r.command.command.type} (${r.result.kind === 'rejected' ? r.result.error._tag : r.result.kind === 'failed' ? r.result.error.code : ''})`,
          )
          .join(', ')}.`,
      );
    }
    await print(runtime, history.facts);
    processOutput.result(
      `\nDemo done in ${seconds(started)}. The erased customer is ${history.facts.erasedCustomerId}; merged duplicates: ${history.facts.duplicates
        .slice(0, 3)
        .map((d) => `${d.duplicateId} → ${d.survivorId}`)
        .join(', ')}${history.facts.duplicates.length > 3 ? ', …' : ''}.`,
    );
    if (flags.keep === true && embedded !== undefined) {
      processOutput.result(
        `\nThe embedded server keeps running. In another terminal:\n  export DATABASE_URL='${embedded.url}'\n  pnpm crm customer --phone '${history.facts.wellKnownCustomer.phone.typed}' --region ${history.facts.wellKnownCustomer.phone.region}\n  pnpm crm history customer-${history.facts.wellKnownCustomer.customerId}\n  pnpm crm verify\nCtrl-C stops it and removes its data.`,
      );
      await runtime.close();
      runtime = undefined;
      await new Promise<void>((resolve) =>
        interrupted.addEventListener('abort', () => resolve(), { once: true }),
      );
    }
  } finally {
    progress.stop();
    await runtime?.close();
    if (embedded !== undefined) {
      processOutput.note('Stopping the embedded PostgreSQL…');
      await embedded.stop().catch(() => undefined);
    }
  }
};

import type { Customer360Tables, ProfitPeriod, ProfitTiersTables } from '@crm/read-models';
import { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { processOutput } from '../output/output.ts';
import { latestYear, loadTiers, renderTiers } from '../reports/tiers-report.ts';
import { withRuntime } from '../with-runtime.ts';

/** Reads `--year` / `--month` into a period. */
const periodOf = (flags: { year?: string; month?: string }): ProfitPeriod | undefined => {
  if (flags.year !== undefined && flags.month !== undefined) {
    throw new CliError('usage', 'tiers: give --year or --month, not both.');
  }
  if (flags.year !== undefined) {
    if (!/^\d{4}$/.test(flags.year))
      throw new CliError('usage', `--year: "${flags.year}" is not a year (2025).`);
    return { year: Number(flags.year) };
  }
  if (flags.month !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(flags.month)) {
      throw new CliError('usage', `--month: "${flags.month}" is not a month (2025-06).`);
    }
    return { month: flags.month };
  }
  return undefined;
};

/** `crm tiers [--year|--month]`: customers and products graded by profit contribution. */
export const tiersCommand = (): Command =>
  new Command('tiers')
    .description(
      'customers and products graded A/B/C/D by their share of profit (not order volume) in a year or month',
    )
    .option(
      '--year <yyyy>',
      'calendar year in the reporting time zone (default: the latest with profit)',
    )
    .option('--month <yyyy-mm>', 'one calendar month instead')
    .option('--top <n>', 'customers listed', '10')
    .option('--json', 'JSON for scripts (every customer)')
    .action(
      async (
        flags: { year?: string; month?: string; top: string; json?: boolean },
        command: Command,
      ) => {
        const asked = periodOf(flags);
        const top = Number(flags.top);
        if (!Number.isInteger(top) || top < 1)
          throw new CliError('usage', `--top: "${flags.top}" is not a whole number ≥ 1.`);
        await withRuntime(command, {}, async (runtime) => {
          const db = runtime.readModel<ProfitTiersTables>('profit_tiers');
          const period = asked ?? { year: await latestYear(db) };
          const report = await loadTiers(
            db,
            period,
            runtime.readModel<Customer360Tables>('customer_360'),
          );
          if (flags.json === true) processOutput.json(report);
          else
            processOutput.result(
              renderTiers(report, runtime.options.settings.reportingCurrency, top),
            );
        });
      },
    );

import type { SalesForecastTables } from '@crm/read-models';
import { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { processOutput } from '../output/output.ts';
import { loadForecast, renderForecast } from '../reports/forecast-report.ts';
import { withRuntime } from '../with-runtime.ts';

const month = (flag: string, value: string | undefined): string | undefined => {
  if (value !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw new CliError('usage', `${flag}: "${value}" is not a month (2025-06).`);
  }
  return value;
};

/** `crm forecast`: the weighted open pipeline by expected close month and owner. */
export const forecastCommand = (): Command =>
  new Command('forecast')
    .description(
      'sales forecast: open deals weighted by win probability, by expected close month and by owner',
    )
    .option('--from <yyyy-mm>', 'first close month')
    .option('--to <yyyy-mm>', 'last close month')
    .option('--json', 'JSON for scripts')
    .action(async (flags: { from?: string; to?: string; json?: boolean }, command: Command) => {
      const fromMonth = month('--from', flags.from);
      const toMonth = month('--to', flags.to);
      await withRuntime(command, {}, async (runtime) => {
        const report = await loadForecast(
          runtime.readModel<SalesForecastTables>('sales_forecast'),
          {
            ...(fromMonth === undefined ? {} : { fromMonth }),
            ...(toMonth === undefined ? {} : { toMonth }),
          },
        );
        if (flags.json === true) processOutput.json(report);
        else processOutput.result(renderForecast(report));
      });
    });

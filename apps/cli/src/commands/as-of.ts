import { customer360AsOf, parseInstant } from '@crm/audit';
import { Command } from 'commander';
import { renderCustomer360 } from '../output/customer-view.ts';
import { processOutput } from '../output/output.ts';
import { withRuntime } from '../with-runtime.ts';

/** `crm as-of <customer> --at <instant>`: the 360° view as it stood, rebuilt from the log. */
export const asOfCommand = (): Command =>
  new Command('as-of')
    .description(
      'a customer’s 360° view as it stood at an instant, rebuilt from the log (not from stored tables)',
    )
    .argument('<customer>', 'the customer id (or its stream, customer-<id>)')
    .requiredOption(
      '--at <instant>',
      '2025-06-30T12:00:00Z, or 2025-06-30 for the end of that day (UTC)',
    )
    .option('--json', 'JSON for scripts')
    .action(async (customer: string, flags: { at: string; json?: boolean }, command: Command) => {
      const at = parseInstant(flags.at, '--at');
      await withRuntime(command, {}, async (runtime) => {
        const candidates = customer.startsWith('customer-')
          ? [customer, customer.slice('customer-'.length)]
          : [customer];
        let customerId = candidates[0] ?? customer;
        for (const candidate of candidates) {
          if (
            (await runtime.eventStore.readStream(`customer-${candidate}`, { maxCount: 1 })).length >
            0
          ) {
            customerId = candidate;
            break;
          }
        }
        const found = await customer360AsOf({
          db: runtime.db,
          eventStore: runtime.eventStore,
          decode: runtime.decode,
          settings: runtime.options.settings,
          customerId,
          epochMillis: at.epochMillis,
        });
        if (flags.json === true) {
          processOutput.json({ asOf: at.instant, ...found });
          return;
        }
        processOutput.result(
          `As of ${at.instant} — rebuilt from ${found.eventsReplayed} events of ${found.streams} streams`,
        );
        processOutput.result(
          renderCustomer360(found.view, {
            reportingCurrency: runtime.options.settings.reportingCurrency,
          }),
        );
      });
    });

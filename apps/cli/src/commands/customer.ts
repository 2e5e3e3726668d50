import type { PhoneRegion } from '@crm/domain';
import {
  type Customer360,
  type Customer360Tables,
  customer360ByEmail,
  customer360ById,
  customer360ByNamePrefix,
  customer360ByPhone,
} from '@crm/read-models';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.ts';
import { renderCustomer360 } from '../output/customer-view.ts';
import { count } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { renderTable } from '../output/table.ts';
import { withRuntime } from '../with-runtime.ts';

interface CustomerFlags {
  readonly phone?: string;
  readonly email?: string;
  readonly name?: string;
  readonly id?: string;
  readonly region?: string;
  readonly limit: string;
  readonly json?: boolean;
}

/** `crm customer --phone | --email | --name | --id`: the 360° look-up while they are on the line. */
export const customerCommand = (): Command =>
  new Command('customer')
    .description('find customers by phone, email, name prefix or id and show their 360° view')
    .addOption(
      new Option('--phone <number>', 'any common format; national numbers need --region').conflicts(
        ['email', 'name', 'id'],
      ),
    )
    .addOption(new Option('--email <address>', 'case and spaces ignored').conflicts(['name', 'id']))
    .addOption(
      new Option('--name <prefix>', 'start of the display or family name').conflicts(['id']),
    )
    .option('--id <customerId>', 'the customer id')
    .option('--region <code>', 'region national phone numbers are read in (GB, DE, US…)')
    .option('--limit <n>', 'most customers shown for --name', '10')
    .option('--json', 'JSON for scripts')
    .action(async (flags: CustomerFlags, command: Command) => {
      if ([flags.phone, flags.email, flags.name, flags.id].every((v) => v === undefined)) {
        throw new CliError('usage', 'customer: give one of --phone, --email, --name or --id.');
      }
      const region = flags.region?.trim().toUpperCase();
      if (region !== undefined && !/^[A-Z]{2}$/.test(region)) {
        throw new CliError(
          'usage',
          `--region: "${flags.region}" is not a two-letter region code (GB, DE, US…).`,
        );
      }
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError('usage', `--limit: "${flags.limit}" is not a whole number ≥ 1.`);
      await withRuntime(command, {}, async (runtime) => {
        const db = runtime.readModel<Customer360Tables>('customer_360');
        let found: ReadonlyArray<Customer360>;
        let by: 'phone' | 'email' | 'name' | 'id';
        let value: string;
        if (flags.phone !== undefined) {
          const result = await customer360ByPhone(
            db,
            flags.phone,
            region === undefined ? {} : { defaultRegion: region as PhoneRegion },
          );
          if (result._tag !== 'Found') throw new CliError('usage', `--phone: ${result.message}`);
          found = result.customers;
          by = 'phone';
          value = result.searched;
        } else if (flags.email !== undefined) {
          const result = await customer360ByEmail(db, flags.email);
          if (result._tag !== 'Found') throw new CliError('usage', `--email: ${result.message}`);
          found = result.customers;
          by = 'email';
          value = result.searched;
        } else if (flags.name !== undefined) {
          found = await customer360ByNamePrefix(db, flags.name, { limit });
          by = 'name';
          value = flags.name.trim();
        } else {
          const view = await customer360ById(db, flags.id ?? '');
          found = view === undefined ? [] : [view];
          by = 'id';
          value = flags.id ?? '';
        }
        const searched = by === 'name' ? `name starting "${value}"` : `${by} ${value}`;
        if (flags.json === true) {
          processOutput.json({ by, searched: value, customers: found });
        } else if (found.length === 0) {
          // Reported below, as the one line of a not-found exit.
        } else if (found.length > 1 && flags.name !== undefined) {
          processOutput.result(`${found.length} customers with ${searched}:`);
          processOutput.result(
            renderTable({
              head: ['customer', 'name', 'phone', 'email', 'stage', 'won deals', 'open tickets'],
              rows: found.map((c) => [
                c.customerId,
                c.name?.display ?? '(erased)',
                c.phone ?? '',
                c.email ?? '',
                c.lifecycle.stage,
                count(c.deals.won),
                count(c.tickets.open),
              ]),
            }),
          );
        } else {
          for (const view of found) {
            processOutput.result(
              renderCustomer360(view, {
                reportingCurrency: runtime.options.settings.reportingCurrency,
              }),
            );
          }
        }
        if (found.length === 0) throw new CliError('notFound', `No customer with ${searched}.`);
      });
    });

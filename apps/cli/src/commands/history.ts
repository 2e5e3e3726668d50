import { streamHistory } from '@crm/audit';
import { Command } from 'commander';
import { instant, truncate } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { renderTable } from '../output/table.ts';
import { withRuntime } from '../with-runtime.ts';
import { describeData } from './describe-data.ts';

/** `crm history <stream>`: every event of a customer, deal, ticket or campaign. */
export const historyCommand = (): Command =>
  new Command('history')
    .description(
      'the full story of a stream: each event with who, when, why, its revision and position',
    )
    .argument('<stream>', 'customer-<id>, deal-<id>, ticket-<id> or campaign-<id>')
    .option('--json', 'JSON for scripts')
    .action(async (stream: string, flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, {}, async (runtime) => {
        const history = await streamHistory(runtime.audit, stream);
        if (flags.json === true) {
          processOutput.json(history);
          return;
        }
        processOutput.result(
          `${history.streamName}: ${history.entries.length} event${history.entries.length === 1 ? '' : 's'}`,
        );
        processOutput.result(
          renderTable({
            head: ['rev', 'position', 'occurred', 'event', 'who', 'why', 'what'],
            right: [0],
            rows: history.entries.map((entry) => [
              entry.revision,
              entry.position,
              instant(entry.occurredAt),
              entry.type,
              `${entry.actor.id} (${entry.actor.role})`,
              truncate(entry.why, 40),
              truncate(describeData(entry.data, entry.erasedPaths), 50),
            ]),
          }),
        );
      });
    });

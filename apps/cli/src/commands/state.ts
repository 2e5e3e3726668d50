import { parsePointInHistory, stateAt } from '@crm/audit';
import { Command } from 'commander';
import { toJson } from '../output/json.ts';
import { processOutput } from '../output/output.ts';
import { withRuntime } from '../with-runtime.ts';

/** `crm state <stream> --at <instant|revision>`: the aggregate as it stood then. */
export const stateCommand = (): Command =>
  new Command('state')
    .description(
      'an aggregate’s state as it stood at an instant or a revision, folded from its events',
    )
    .argument('<stream>', 'customer-<id>, deal-<id>, ticket-<id> or campaign-<id>')
    .requiredOption(
      '--at <instant|revision>',
      '2025-06-30T12:00:00Z, 2025-06-30 (end of that day, UTC) or a revision number',
    )
    .option('--json', 'JSON for scripts')
    .action(async (stream: string, flags: { at: string; json?: boolean }, command: Command) => {
      // Read before connecting: a malformed --at is a usage error whatever the database.
      const point = parsePointInHistory(flags.at, '--at');
      await withRuntime(command, {}, async (runtime) => {
        const then = await stateAt(runtime.audit, stream, point);
        if (flags.json === true) {
          processOutput.json(then);
          return;
        }
        const asked = point.kind === 'revision' ? `revision ${point.revision}` : point.instant;
        const reached =
          then.revision === undefined
            ? 'no event had happened yet: the initial state'
            : `revision ${then.revision}, occurred ${then.occurredAt}`;
        processOutput.result(
          `${stream} as of ${asked}: ${reached} (${then.eventsApplied} event${then.eventsApplied === 1 ? '' : 's'} folded, ${then.eventsAfter} later)`,
        );
        processOutput.result(toJson(then.state));
      });
    });

import { crmPolicyEventTypes } from '@crm/command-handling';
import { createPostgresCheckpointStore } from '@crm/command-handling-postgres';
import { logStart, positionToString } from '@crm/event-store';
import { loadCheckpoint, loadRebuild, ownerPidOf } from '@crm/projections';
import { Command } from 'commander';
import { sql } from 'kysely';
import { count, instant } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { renderTable } from '../output/table.ts';
import { withRuntime } from '../with-runtime.ts';

/** One line of `crm status`. */
interface ProjectionLine {
  readonly name: string;
  readonly kind: 'projection' | 'policies';
  readonly version: number | null;
  readonly storedVersion: number | null;
  readonly status: string;
  readonly position: string | null;
  readonly eventsApplied: number | null;
  /** Events of its types after its checkpoint. */
  readonly behind: number;
  readonly owner: string | null;
  /** The database session holding its lock now, if a projector runs it. */
  readonly ownerSession: number | null;
  readonly updatedAt: string | null;
  readonly rebuild: { readonly position: string; readonly eventsApplied: number } | null;
  readonly error: unknown;
}

/** `crm status`: each projection's checkpoint and lag, and the policy runner's. */
export const statusCommand = (): Command =>
  new Command('status')
    .description(
      'each projection’s checkpoint, lag (events of its types not yet applied), owner and state',
    )
    .option('--json', 'JSON for scripts')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, {}, async (runtime) => {
        const total = await runtime.countEvents(logStart, undefined);
        const lines: ProjectionLine[] = [];
        const { rows } = await sql<{ readonly found: boolean }>`
          SELECT to_regclass('projection_runtime.checkpoints') IS NOT NULL AS found`.execute(
          runtime.db,
        );
        const hasRuntime = rows[0]?.found === true;
        for (const projection of runtime.projections) {
          const filter =
            projection.eventTypes === undefined ? undefined : { eventTypes: projection.eventTypes };
          const checkpoint = hasRuntime
            ? await loadCheckpoint(runtime.db, projection.name)
            : undefined;
          const rebuild = hasRuntime ? await loadRebuild(runtime.db, projection.name) : undefined;
          lines.push({
            name: projection.name,
            kind: 'projection',
            version: projection.version,
            storedVersion: checkpoint?.version ?? null,
            status: checkpoint?.status ?? 'never run',
            position: checkpoint === undefined ? null : positionToString(checkpoint.position),
            eventsApplied: checkpoint?.eventsApplied ?? null,
            behind: await runtime.countEvents(checkpoint?.position ?? logStart, filter),
            owner: checkpoint?.owner ?? null,
            ownerSession: hasRuntime
              ? ((await ownerPidOf(runtime.db, projection.name)) ?? null)
              : null,
            updatedAt: checkpoint?.updatedAt.toISOString() ?? null,
            rebuild:
              rebuild === undefined
                ? null
                : {
                    position: positionToString(rebuild.position),
                    eventsApplied: rebuild.eventsApplied,
                  },
            error: checkpoint?.error ?? null,
          });
        }
        const policies = await createPostgresCheckpointStore({ db: runtime.db }).load(
          'crm-policies',
        );
        lines.push({
          name: 'crm-policies',
          kind: 'policies',
          version: null,
          storedVersion: null,
          status: policies === undefined ? 'never run' : 'ran',
          position: policies === undefined ? null : positionToString(policies),
          eventsApplied: null,
          behind: await runtime.countEvents(policies ?? logStart, {
            eventTypes: crmPolicyEventTypes,
          }),
          owner: null,
          ownerSession: (await ownerPidOf(runtime.db, 'crm-policies')) ?? null,
          updatedAt: null,
          rebuild: null,
          error: null,
        });
        if (flags.json === true) {
          processOutput.json({ eventsInLog: total, projections: lines });
          return;
        }
        processOutput.result(`The log holds ${count(total)} events.`);
        processOutput.result(
          renderTable({
            head: [
              'projection',
              'version',
              'status',
              'checkpoint',
              'applied',
              'behind',
              'owner',
              'updated',
            ],
            right: [4, 5],
            rows: lines.map((line) => [
              line.name,
              line.version === null
                ? '–'
                : line.storedVersion === null || line.storedVersion === line.version
                  ? String(line.version)
                  : `${line.storedVersion} → ${line.version}`,
              `${line.ownerSession === null && (line.status === 'running' || line.status === 'ran') ? 'idle' : line.status}${line.rebuild === null ? '' : ` (rebuild at ${count(line.rebuild.eventsApplied)})`}`,
              line.position ?? '–',
              count(line.eventsApplied),
              count(line.behind),
              line.ownerSession === null
                ? 'no projector'
                : `${line.owner ?? 'a projector'} (session ${line.ownerSession})`,
              instant(line.updatedAt),
            ]),
          }),
        );
        for (const line of lines.filter((l) => l.error !== null)) {
          processOutput.result(`${line.name} is poisoned: ${JSON.stringify(line.error)}`);
        }
      });
    });

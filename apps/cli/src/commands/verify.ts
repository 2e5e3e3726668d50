import { verifyReadModels } from '@crm/audit';
import { verifyHashChain } from '@crm/command-handling';
import { logStart } from '@crm/event-store';
import { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { interrupted } from '../interrupt.ts';
import { count, truncate } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { createProgress } from '../output/progress.ts';
import { renderTable } from '../output/table.ts';
import { withRuntime } from '../with-runtime.ts';

/** `crm verify`: replay the log into scratch tables, diff them with the read models, check the hash chain. */
export const verifyCommand = (): Command =>
  new Command('verify')
    .description(
      'replays the log into scratch tables and reports every difference from the live read models, then checks the hash chain of every stream; exits 5 on any difference or break',
    )
    .option('--no-read-models', 'skip the replay and comparison')
    .option('--no-hash-chain', 'skip the hash chain')
    .option('--json', 'JSON for scripts')
    .action(
      async (
        flags: { readModels: boolean; hashChain: boolean; json?: boolean },
        command: Command,
      ) => {
        await withRuntime(command, {}, async (runtime) => {
          const progress = createProgress();
          let readModels: Awaited<ReturnType<typeof verifyReadModels>> | undefined;
          let chain: Awaited<ReturnType<typeof verifyHashChain>> | undefined;
          try {
            if (flags.readModels) {
              const bar = progress.bar('Replaying the log', 0);
              readModels = await verifyReadModels({
                db: runtime.db,
                eventStore: runtime.eventStore,
                projections: runtime.projections,
                decode: runtime.decode,
                total: () => runtime.countEvents(logStart, undefined),
                onProgress: ({ done, total }) => bar.update(done, total),
                signal: interrupted,
              });
              bar.finish();
            }
            if (flags.hashChain) chain = await verifyHashChain(runtime.eventStore, { all: true });
          } finally {
            progress.stop();
          }
          const ok = (readModels?.ok ?? true) && (chain?.ok ?? true);
          if (flags.json === true) {
            processOutput.json({ ok, readModels, hashChain: chain });
          } else {
            if (readModels !== undefined) {
              processOutput.result(
                `Read models against a replay of ${count(readModels.eventsReplayed)} events:`,
              );
              processOutput.result(
                renderTable({
                  head: ['projection', 'checkpoint', 'tables', 'rows', 'verdict'],
                  right: [2, 3],
                  rows: readModels.projections.map((p) => [
                    p.projection,
                    p.position ?? '–',
                    count(p.tablesCompared),
                    count(p.rowsCompared),
                    p.status === 'same'
                      ? 'same'
                      : p.status === 'no-checkpoint'
                        ? 'never projected here'
                        : `DIFFERENT in ${p.differences.length} table${p.differences.length === 1 ? '' : 's'}`,
                  ]),
                }),
              );
              const differences = readModels.projections.flatMap((p) =>
                p.differences.map((d) => ({ projection: p.projection, ...d })),
              );
              if (differences.length > 0) {
                processOutput.result('Differences (rows of the live table ≠ rows of the replay):');
                processOutput.result(
                  renderTable({
                    head: ['table', 'only live', 'only replay', 'row', 'difference'],
                    right: [1, 2],
                    rows: differences.flatMap((d) => {
                      const head = [
                        `${d.projection}.${d.table}`,
                        d.problem === 'missing-live' ? 'no table' : count(d.onlyLive),
                        d.problem === 'missing-replay' ? 'no table' : count(d.onlyReplay),
                      ];
                      if (d.samples.length === 0) return [[...head, '', '']];
                      return d.samples.map((sample, index) => [
                        ...(index === 0 ? head : ['', '', '']),
                        truncate(sample.key, 40),
                        sample.kind === 'changed'
                          ? sample.columns
                              .map((c) =>
                                truncate(`${c.column}: live ${c.live}, replay ${c.replay}`, 70),
                              )
                              .join('\n')
                          : sample.kind === 'only-live'
                            ? 'not in the replay'
                            : 'missing from the live table',
                      ]);
                    }),
                  }),
                );
              }
            }
            if (chain !== undefined) {
              processOutput.result(
                chain.ok
                  ? `Hash chain: intact — ${count(chain.eventsChecked)} events in ${count(chain.streamsChecked)} streams.`
                  : `Hash chain: BROKEN — ${chain.break.message} (${chain.break.reason}; ${count(chain.eventsChecked)} events checked).`,
              );
            }
          }
          if (!ok) {
            const problems = [
              ...(readModels?.ok === false
                ? [
                    `read models differ from a replay of the log (${readModels.projections
                      .filter((p) => p.status !== 'same')
                      .map((p) => p.projection)
                      .join(', ')})`,
                  ]
                : []),
              ...(chain?.ok === false
                ? [`the hash chain breaks at ${chain.break.streamName}@${chain.break.revision}`]
                : []),
            ];
            throw new CliError(
              'verificationFailed',
              `Verification failed: ${problems.join('; ')}.`,
            );
          }
        });
      },
    );

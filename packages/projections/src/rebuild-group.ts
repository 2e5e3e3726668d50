import type { AnyProjection } from './projection.ts';
import type { JointRebuildOutcome, RebuildMember } from './rebuild-together.ts';

/** Runs one joint rebuild of the members gathered; see `rebuildGroup`. */
export type JointRebuild<TDatabase> = (
  members: ReadonlyArray<RebuildMember<TDatabase>>,
  signal: AbortSignal,
) => Promise<ReadonlyArray<JointRebuildOutcome>>;

/** Gathers the projections an instance is told to rebuild into one pass; see `rebuildGroup`. */
export interface RebuildGroup<TDatabase> {
  /**
   * Joins the next joint rebuild with the connection that holds the projection's lock, and
   * resolves with its outcome. `signal` ends this member's part (a lost lease, a shutdown): it
   * interrupts the whole pass, and every member resumes next time from its own checkpoint.
   */
  readonly join: (
    db: RebuildMember<TDatabase>['db'],
    projection: AnyProjection,
    signal: AbortSignal,
  ) => Promise<JointRebuildOutcome>;
}

interface Waiting<TDatabase> {
  readonly member: RebuildMember<TDatabase>;
  readonly signal: AbortSignal;
  readonly resolve: (outcome: JointRebuildOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The projector's tasks take their projections one by one, each on its own connection; those
 * named for a rebuild wait here for each other (until all `expected` have joined, or `gatherMs`
 * after the first: others may be owned by another instance) and are rebuilt in one pass over
 * the log (`rebuildProjectionsTogether`), so the log is read and decoded once for all of them.
 * A projection that joins once a pass has started waits for the next one.
 */
export const rebuildGroup = <TDatabase>(input: {
  readonly expected: number;
  readonly gatherMs: number;
  readonly rebuild: JointRebuild<TDatabase>;
}): RebuildGroup<TDatabase> => {
  let gathering: Array<Waiting<TDatabase>> = [];
  let timer: NodeJS.Timeout | undefined;
  let joined = 0;

  const start = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const group = gathering;
    gathering = [];
    if (group.length === 0) return;
    const signal = AbortSignal.any(group.map((waiting) => waiting.signal));
    input
      .rebuild(
        group.map((waiting) => waiting.member),
        signal,
      )
      .then(
        (outcomes) => {
          for (const waiting of group) {
            const outcome = outcomes.find((o) => o.projection === waiting.member.projection.name);
            if (outcome === undefined) {
              waiting.reject(new Error(`No outcome for ${waiting.member.projection.name}.`));
            } else waiting.resolve(outcome);
          }
        },
        (error: unknown) => {
          for (const waiting of group) waiting.reject(error);
        },
      );
  };

  return {
    join: (db, projection, signal) =>
      new Promise<JointRebuildOutcome>((resolve, reject) => {
        const waiting: Waiting<TDatabase> = { member: { db, projection }, signal, resolve, reject };
        // Leaving before the pass starts (shutdown, lost lease): the others go on without it.
        signal.addEventListener(
          'abort',
          () => {
            if (!gathering.includes(waiting)) return;
            gathering = gathering.filter((other) => other !== waiting);
            resolve({ projection: projection.name, outcome: 'interrupted', events: 0 });
          },
          { once: true },
        );
        gathering.push(waiting);
        joined += 1;
        if (joined >= input.expected) start();
        else timer ??= setTimeout(start, input.gatherMs);
      }),
  };
};

/**
 * A place in the global log. Two numbers, like EventStoreDB's commit/prepare pair: on
 * PostgreSQL `commit` is the writing transaction's id and `prepare` the row's sequence number,
 * which is what lets a reader never skip a late-committing transaction (docs/guarantees.md).
 * Positions are totally ordered by (commit, prepare); only the store that issued one can
 * interpret it.
 */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event: reading "after" it reads the whole log. */
export const logStart: LogPosition = Object.freeze({ commit: -1n, prepare: -1n });

/** Orders positions like `Array.sort` expects: negative, zero or positive. */
export const comparePositions = (a: LogPosition, b: LogPosition): number =>
  a.commit < b.commit
    ? -1
    : a.commit > b.commit
      ? 1
      : a.prepare < b.prepare
        ? -1
        : a.prepare > b.prepare
          ? 1
          : 0;

/** A stable text form for checkpoints: `"<commit>/<prepare>"`. */
export const positionToString = (position: LogPosition): string =>
  `${position.commit}/${position.prepare}`;

/** Reads the text form written by `positionToString`; `undefined` when it is not one. */
export const parsePosition = (text: string): LogPosition | undefined => {
  const match = /^(-1|\d+)\/(-1|\d+)$/.exec(text);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { commit: BigInt(match[1]), prepare: BigInt(match[2]) }
    : undefined;
};

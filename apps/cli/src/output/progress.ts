import cliProgress from 'cli-progress';

/** One bar: set how far it got (and the total, which may grow). */
export interface ProgressBar {
  readonly update: (done: number, total?: number) => void;
  readonly finish: () => void;
}

/** A set of bars drawn together on stderr. */
export interface Progress {
  readonly bar: (label: string, total: number) => ProgressBar;
  readonly stop: () => void;
}

const width = 28;

/**
 * Progress bars on stderr (cli-progress), so they never mix into results on stdout. When
 * stderr is not a terminal (a pipe, a log file, a test), nothing is drawn: the commands say
 * what they did in their results.
 */
export const createProgress = (): Progress => {
  const tty = process.stderr.isTTY === true;
  const multi = tty
    ? new cliProgress.MultiBar(
        {
          format: ` {label} |{bar}| {percentage}% · {value}/{total} · {duration_formatted}`,
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          clearOnComplete: false,
          stopOnComplete: false,
          etaBuffer: 50,
          barsize: 20,
          fps: 8,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  return {
    bar: (label, total) => {
      const padded = label.padEnd(width);
      let last = 0;
      let known = total;
      const bar = multi?.create(Math.max(total, 1), 0, { label: padded });
      let finished = false;
      return {
        update: (done, newTotal) => {
          last = done;
          if (newTotal !== undefined && newTotal !== known) {
            known = newTotal;
            bar?.setTotal(Math.max(newTotal, 1));
          }
          bar?.update(done, { label: padded });
        },
        finish: () => {
          if (finished) return;
          finished = true;
          bar?.setTotal(Math.max(last, 1));
          bar?.update(last, { label: padded });
        },
      };
    },
    stop: () => multi?.stop(),
  };
};

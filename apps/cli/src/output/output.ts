import { toJson } from './json.ts';

/** Where a command writes: results to stdout, messages for people to stderr. */
export interface Output {
  /** Writes a result (a table or JSON) to stdout. */
  readonly result: (text: string) => void;
  /** Writes a note for people to stderr (never mixed into results). */
  readonly note: (text: string) => void;
  /** Writes `value` as JSON to stdout. */
  readonly json: (value: unknown) => void;
}

/** The process's output. */
export const processOutput: Output = {
  result: (text) => {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  note: (text) => {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  json: (value) => {
    process.stdout.write(`${toJson(value)}\n`);
  },
};

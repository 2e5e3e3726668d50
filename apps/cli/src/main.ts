import { type Command, CommanderError } from 'commander';
import { exitCodes } from './cli-error.ts';
import { handleInterrupts, InterruptedError } from './interrupt.ts';
import { crmProgram } from './program.ts';
import { toCliError } from './to-cli-error.ts';

/** Every command and subcommand reports its own usage errors through `exitOverride`. */
const quiet = (command: Command): void => {
  command.exitOverride();
  command.configureOutput({
    // Commander's own message ("error: unknown option '--x'") is the one line; no help dump.
    outputError: (text, write) => write(`crm: ${text.replace(/^error: /, '').trimEnd()}\n`),
  });
  for (const sub of command.commands) quiet(sub);
};

/**
 * Runs the CLI and maps every outcome to an exit code at this one edge: results go to stdout,
 * one line naming what is wrong to stderr, and never a stack trace (`--log-level debug` puts
 * the cause in the log).
 */
const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const program = crmProgram();
  quiet(program);
  handleInterrupts();
  try {
    await program.parseAsync([...argv]);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; anything else is a usage error already printed.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof InterruptedError) {
      process.stderr.write('crm: interrupted.\n');
      return 130;
    }
    const failure = toCliError(error);
    process.stderr.write(`crm: ${failure.message}\n`);
    if (failure.code === 'internal' && process.env.CRM_DEBUG === '1') {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    return exitCodes[failure.code];
  }
};

const code = await main(process.argv);
// Let stdout drain, then leave even if a driver keeps a socket open.
process.stdout.write('', () => process.exit(code));

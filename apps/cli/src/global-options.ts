import type { CurrencyCode } from '@crm/domain';
import type { ReportingSettings } from '@crm/projections';
import { type Command, InvalidArgumentError, Option } from 'commander';

/** The options every command shares, decoded. */
export interface GlobalOptions {
  /** The PostgreSQL database: read models, keys, outcomes, checkpoints, and (by default) the log. */
  readonly databaseUrl: string | undefined;
  /** An EventStoreDB connection string: the log lives there instead. */
  readonly eventstore: string | undefined;
  readonly settings: ReportingSettings;
  readonly masterKey: Uint8Array | undefined;
  readonly logLevel: string;
  readonly logFile: string | undefined;
}

const currencyOf = (value: string): string => {
  const upper = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper))
    throw new InvalidArgumentError('expected an ISO 4217 code such as EUR.');
  return upper;
};

const timeZoneOf = (value: string): string => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw new InvalidArgumentError('expected an IANA time zone such as Europe/Berlin.');
  }
};

const masterKeyOf = (value: string): Uint8Array => {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new InvalidArgumentError('expected 32 bytes in base64.');
  return new Uint8Array(key);
};

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Adds the shared options to the program. Flags win over environment variables, which win
 * over defaults; the names match the projector's (`DATABASE_URL`, `REPORTING_CURRENCY`…), so
 * one environment serves both.
 */
export const addGlobalOptions = (program: Command): Command =>
  program
    .addOption(
      new Option(
        '--database-url <url>',
        'PostgreSQL: read models, keys, checkpoints and the event log',
      ).env('DATABASE_URL'),
    )
    .addOption(
      new Option(
        '--eventstore <connection-string>',
        'keep the event log in EventStoreDB (esdb://host:2113?tls=false)',
      ).env('EVENTSTORE_CONNECTION_STRING'),
    )
    .addOption(
      new Option('--reporting-currency <code>', 'currency of figures summed across deals')
        .env('REPORTING_CURRENCY')
        .default('EUR')
        .argParser(currencyOf),
    )
    .addOption(
      new Option('--time-zone <zone>', 'reporting time zone of months and years')
        .env('REPORTING_TIME_ZONE')
        .default('UTC')
        .argParser(timeZoneOf),
    )
    .addOption(
      new Option('--master-key <base64>', 'key wrapping the personal-data keys (32 bytes)')
        .env('CRM_MASTER_KEY')
        .argParser(masterKeyOf),
    )
    .addOption(
      new Option('--log-level <level>', 'pino log level (default: silent, or info with --log-file)')
        .env('LOG_LEVEL')
        .choices(levels),
    )
    .addOption(
      new Option('--log-file <path>', 'write logs to this file instead of stderr').env('LOG_FILE'),
    );

interface RawGlobals {
  readonly databaseUrl?: string;
  readonly eventstore?: string;
  readonly reportingCurrency: string;
  readonly timeZone: string;
  readonly masterKey?: Uint8Array;
  readonly logLevel?: string;
  readonly logFile?: string;
}

/** The shared options as the command being run sees them. */
export const globalOptionsOf = (command: Command): GlobalOptions => {
  const raw = command.optsWithGlobals<RawGlobals>();
  return {
    databaseUrl: raw.databaseUrl === '' ? undefined : raw.databaseUrl,
    eventstore: raw.eventstore === '' ? undefined : raw.eventstore,
    settings: { reportingCurrency: raw.reportingCurrency as CurrencyCode, timeZone: raw.timeZone },
    masterKey: raw.masterKey,
    // Results and the one-line errors speak for the CLI; logs are for whoever asks for them.
    logLevel: raw.logLevel ?? (raw.logFile === undefined ? 'silent' : 'info'),
    logFile: raw.logFile,
  };
};

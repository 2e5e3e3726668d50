import type { CurrencyCode } from '@crm/domain';
import { defaultRebuildBatchSize, type ReportingSettings } from '@crm/projections';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultProjectionsModule } from './load-projections.ts';

/** Everything the projector needs to know, decoded from flags and the environment. */
export interface ProjectorConfig {
  /** The read-model database. */
  readonly databaseUrl: string;
  /** The event store's database (command handling's tables live there too). */
  readonly eventStoreUrl: string;
  /** `<module>#<export>` of the projection registry. */
  readonly projections: string;
  readonly settings: ReportingSettings;
  readonly policies: boolean;
  readonly migrate: boolean;
  readonly rebuild: ReadonlyArray<string>;
  readonly batchSize: number;
  /** Most events per transaction while rebuilding (and per page read from the log). */
  readonly rebuildBatchSize: number;
  readonly lagIntervalMs: number;
  readonly acquireIntervalMs: number;
  readonly instanceId: string | undefined;
  /** 32 bytes, base64, wrapping the key store's subject keys. */
  readonly masterKey: Uint8Array | undefined;
  readonly logLevel: string;
}

const positiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('expected an integer ≥ 1');
  }
  return parsed;
};

const masterKeyOf = (value: string): Uint8Array => {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new InvalidArgumentError('expected 32 bytes in base64');
  return new Uint8Array(key);
};

const currencyOf = (value: string): string => {
  if (!/^[A-Z]{3}$/.test(value)) throw new InvalidArgumentError('expected an ISO 4217 code');
  return value;
};

const timeZoneOf = (value: string): string => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw new InvalidArgumentError('expected an IANA time zone such as Europe/Berlin');
  }
};

interface ParsedFlags {
  readonly databaseUrl?: string;
  readonly eventStoreUrl?: string;
  readonly projections: string;
  readonly reportingCurrency: string;
  readonly timeZone: string;
  readonly policies: boolean;
  readonly migrate: boolean;
  readonly rebuild: ReadonlyArray<string>;
  readonly batchSize: number;
  readonly rebuildBatchSize: number;
  readonly lagInterval: number;
  readonly acquireInterval: number;
  readonly instanceId?: string;
  readonly masterKey?: Uint8Array;
  readonly logLevel: string;
}

/**
 * The projector's command line. Flags win over environment variables, which win over
 * defaults; `--help` lists them all.
 */
export const projectorCommand = (): Command =>
  new Command('crm-projector')
    .description(
      'Runs the read-model projections and the policy runner; any number of instances may run, each projection is owned by one.',
    )
    .addOption(new Option('--database-url <url>', 'read-model database').env('DATABASE_URL'))
    .addOption(
      new Option('--event-store-url <url>', 'event store database (default: --database-url)').env(
        'EVENT_STORE_URL',
      ),
    )
    .addOption(
      new Option('--projections <module#export>', 'projection registry to run')
        .env('PROJECTIONS')
        .default(defaultProjectionsModule),
    )
    .addOption(
      new Option('--reporting-currency <code>', 'currency of figures summed across deals')
        .env('REPORTING_CURRENCY')
        .default('EUR')
        .argParser(currencyOf),
    )
    .addOption(
      new Option('--time-zone <zone>', 'reporting time zone for months and years')
        .env('REPORTING_TIME_ZONE')
        .default('UTC')
        .argParser(timeZoneOf),
    )
    .option('--no-policies', 'do not run the policy runner')
    .option('--no-migrate', 'do not create or upgrade the event store and command-handling tables')
    .option('--rebuild <names...>', 'rebuild these projections when this instance owns them', [])
    .addOption(
      new Option('--batch-size <n>', 'most events per transaction')
        .default(500)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option('--rebuild-batch-size <n>', 'most events per transaction while rebuilding')
        .env('REBUILD_BATCH_SIZE')
        .default(defaultRebuildBatchSize)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option('--lag-interval <ms>', 'how often to log each projection’s lag')
        .default(5_000)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option(
        '--acquire-interval <ms>',
        'how often a standby instance tries to take a projection',
      )
        .default(1_000)
        .argParser(positiveInteger),
    )
    .addOption(
      new Option('--instance-id <id>', 'this instance in logs and checkpoint rows').env(
        'INSTANCE_ID',
      ),
    )
    .addOption(
      new Option('--master-key <base64>', 'key wrapping the subject keys (32 bytes)')
        .env('CRM_MASTER_KEY')
        .argParser(masterKeyOf),
    )
    .addOption(
      new Option('--log-level <level>', 'pino log level').env('LOG_LEVEL').default('info'),
    );

/** Reads the flags (`argv` as `process.argv`) into a config; exits with usage on bad input. */
export const parseProjectorConfig = (argv: ReadonlyArray<string>): ProjectorConfig => {
  const command: Command = projectorCommand().parse([...argv]);
  const flags = command.opts<ParsedFlags>();
  if (flags.databaseUrl === undefined || flags.databaseUrl === '') {
    command.error('error: --database-url or DATABASE_URL is required');
  }
  return {
    databaseUrl: flags.databaseUrl,
    eventStoreUrl: flags.eventStoreUrl ?? flags.databaseUrl,
    projections: flags.projections,
    settings: {
      reportingCurrency: flags.reportingCurrency as CurrencyCode,
      timeZone: flags.timeZone,
    },
    policies: flags.policies,
    migrate: flags.migrate,
    rebuild: flags.rebuild,
    batchSize: flags.batchSize,
    rebuildBatchSize: flags.rebuildBatchSize,
    lagIntervalMs: flags.lagInterval,
    acquireIntervalMs: flags.acquireInterval,
    instanceId: flags.instanceId,
    masterKey: flags.masterKey,
    logLevel: flags.logLevel,
  };
};

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownershipLockKey, projectionMigrationTable } from '@crm/projections';
import { useTestDatabase } from '@crm/test-database/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmRun, runCrm } from './test-support/run-crm.ts';

/*
 * The CLI as a user runs it: child processes against one real PostgreSQL database, seeded once
 * by `crm demo` (a small history through the real command handling), then every command.
 */
const database = await useTestDatabase();
const url = database.url;
// The read models, keys and checkpoints of the run whose log is in EventStoreDB.
const readModels = await useTestDatabase();
const crm = (...args: ReadonlyArray<string>): Promise<CrmRun> =>
  runCrm([...args, '--database-url', url]);
const json = <T>(run: CrmRun): T => JSON.parse(run.stdout) as T;

/** One line naming what is wrong, a non-zero exit, and never a stack trace. */
const expectOneLineFailure = (run: CrmRun, code: number, message: RegExp): void => {
  expect(run.code, run.stderr).toBe(code);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
};

/**
 * Each read-model table of the given projection schemas as its row count and an md5 of its
 * rows in a fixed order (the migration bookkeeping left out: it records when it ran).
 */
const readModelDigests = async (
  schemas: ReadonlyArray<string>,
): Promise<Record<string, string>> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; table: string }>(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
       WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name NOT LIKE $2
       ORDER BY 1, 2`,
      [schemas, `${projectionMigrationTable}%`],
    );
    const digests: Record<string, string> = {};
    for (const { schema, table } of tables) {
      const name = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
      const { rows } = await client.query<{ count: string; digest: string }>(
        `SELECT count(*) AS count, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${name} t`,
      );
      digests[`${schema}.${table}`] = `${rows[0]?.count}:${rows[0]?.digest}`;
    }
    return digests;
  } finally {
    await client.end();
  }
};

let demo: CrmRun;
let phone: { typed: string; region: string };
let wellKnown: string;
let erased: string;
let files: string;

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'crm-cli-test-'));
  demo = await crm('demo', '--customers', '40', '--months', '6', '--seed', 'cli-test');
  expect(demo.code, demo.stderr).toBe(0);
  const calls = /A customer calls from (.+) \(([A-Z]{2})\)/.exec(demo.stdout);
  phone = { typed: calls?.[1] ?? '', region: calls?.[2] ?? '' };
  wellKnown = /· (\S+)\s+│/.exec(demo.stdout)?.[1] ?? '';
  erased = /The erased customer is (\S+);/.exec(demo.stdout)?.[1] ?? '';
});

afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

describe('crm demo on an existing database', () => {
  it('writes through command handling, projects, and prints the 360° view found by phone and the reports', () => {
    expect(demo.stderr).toMatch(/Wrote [\d,]+ commands \([\d,]+ events\)/);
    expect(phone.typed).not.toBe('');
    expect(wellKnown).toMatch(/^cust-/);
    for (const heading of [
      '360° view',
      'Lifecycle funnel (customers)',
      'Deal pipeline',
      'Profit tiers',
      'Products by profit',
      'Campaign ROI',
      'Sales forecast',
    ]) {
      expect(demo.stdout).toContain(heading);
    }
  });
});

describe('audit', () => {
  it('crm history: every event with who, when, why, revision and position', async () => {
    const run = await crm('history', `customer-${wellKnown}`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('CustomerRegistered');
    const history = json<{
      entries: Array<{ revision: number; position: string; actor: { id: string }; why: string }>;
    }>(await crm('history', `customer-${wellKnown}`, '--json'));
    expect(history.entries[0]).toMatchObject({
      revision: 0,
      position: expect.stringMatching(/^\d+\/\d+$/),
    });
    expect(history.entries.map((e) => e.revision)).toEqual(history.entries.map((_, i) => i));
    expect(history.entries.some((e) => e.why.startsWith('reaction to event'))).toBe(true);
  });

  it('crm history of the erased customer shows its events with the personal data gone', async () => {
    const run = await crm('history', `customer-${erased}`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('CustomerPersonalDataErased');
    expect(run.stdout).toContain('(erased)');
  });

  it('crm state --at a revision and --at an instant', async () => {
    const atZero = await crm('state', `customer-${wellKnown}`, '--at', '0', '--json');
    expect(json<{ revision: number; state: { status: string } }>(atZero)).toMatchObject({
      revision: 0,
      state: { status: 'registered' },
    });
    const before = await crm('state', `customer-${wellKnown}`, '--at', '2000-01-01');
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('no event had happened yet');
  });

  it('crm as-of: the 360° view rebuilt from the log equals the live one at the end, and shows less before', async () => {
    const live = json<{ customers: unknown[] }>(await crm('customer', '--id', wellKnown, '--json'))
      .customers[0];
    const rebuilt = json<{ view: unknown }>(
      await crm('as-of', wellKnown, '--at', '2100-01-01', '--json'),
    );
    expect(rebuilt.view).toEqual(live);
    const early = await crm(
      'as-of',
      wellKnown,
      '--at',
      new Date(Date.now() - 150 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout).toMatch(/As of .* — rebuilt from \d+ events/);
  });

  it('crm verify: the read models equal a replay and the hash chain holds; a change behind the log’s back is named', async () => {
    const clean = await crm('verify');
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('Hash chain: intact');
    expect(clean.stdout).not.toContain('DIFFERENT');

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      'UPDATE customer_360.customers SET loyalty_balance = loyalty_balance + 7 WHERE customer_id = $1',
      [wellKnown],
    );
    await client.end();
    const tampered = await crm('verify', '--no-hash-chain');
    expect(tampered.code).toBe(5);
    expect(tampered.stdout).toContain('customer_360.customers');
    expect(tampered.stdout).toContain(`customer_id=${wellKnown}`);
    expect(tampered.stdout).toContain('loyalty_balance');
    expect(tampered.stderr.trim()).toBe(
      'crm: Verification failed: read models differ from a replay of the log (customer_360).',
    );

    // A rebuild from the log puts it right.
    const rebuilt = await crm('rebuild', 'customer_360');
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/Rebuilt customer_360: [\d,]+ events/);
    expect((await crm('verify', '--no-hash-chain')).code).toBe(0);
  });
});

describe('operations', () => {
  it('crm status: each projection’s checkpoint and lag', async () => {
    const status = json<{
      eventsInLog: number;
      projections: Array<{ name: string; behind: number; position: string }>;
    }>(await crm('status', '--json'));
    expect(status.eventsInLog).toBeGreaterThan(100);
    expect(status.projections.map((p) => p.name)).toContain('customer_360');
    expect(status.projections.every((p) => p.behind === 0)).toBe(true);
    const table = await crm('status');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('lifecycle_funnel');
  });

  it('crm rebuild of every projection, together: the same read-model tables as before, with the decoding worker or without', async () => {
    // The checkpoint rows name the projections (and the policy runner, which has no schema).
    const names = json<{ projections: Array<{ name: string }> }>(
      await crm('status', '--json'),
    ).projections.map((p) => p.name);
    const before = await readModelDigests(names);
    expect(
      Object.values(before).filter((digest) => !digest.startsWith('0:')).length,
    ).toBeGreaterThan(9);
    const run = await crm('rebuild', '--json');
    expect(run.code, run.stderr).toBe(0);
    const { rebuilt } = json<{ rebuilt: Array<{ projection: string; events: number }> }>(run);
    expect(rebuilt).toHaveLength(9);
    for (const { projection, events } of rebuilt) {
      expect(events, projection).toBeGreaterThan(0);
      expect(
        Object.keys(before).some((table) => table.startsWith(`${projection}.`)),
        projection,
      ).toBe(true);
    }
    expect(await readModelDigests(names)).toEqual(before);
    // The log read and decoded on the main thread instead of the worker: the same tables.
    const here = await crm('rebuild', '--no-decoding-worker', '--json');
    expect(here.code, here.stderr).toBe(0);
    expect(json<{ rebuilt: unknown[] }>(here).rebuilt).toHaveLength(9);
    expect(await readModelDigests(names)).toEqual(before);
    const table = await crm('rebuild', 'customer-360', 'lifecycle_funnel', 'customer_360');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^Rebuilt customer_360: [\d,]+ events in [\d.]+ s\.$/),
      expect.stringMatching(/^Rebuilt lifecycle_funnel: [\d,]+ events in [\d.]+ s\.$/),
    ]);
    expect(await readModelDigests(names)).toEqual(before);
  });

  it('crm rebuild is refused, and takes no lock, while a projector owns one of them', async () => {
    const projector = new pg.Client({ connectionString: url });
    await projector.connect();
    try {
      const [namespace, key] = ownershipLockKey('lifecycle_funnel');
      await projector.query('SELECT pg_advisory_lock($1::int4, $2::int4)', [namespace, key]);
      const { rows } = await projector.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const run = await crm('rebuild', 'customer_360', 'lifecycle_funnel');
      expectOneLineFailure(
        run,
        4,
        new RegExp(
          `lifecycle_funnel is owned by a running projector \\(database session ${rows[0]?.pid}\\); stop it, or run crm-projector --rebuild lifecycle_funnel\\.`,
        ),
      );
      const held = await projector.query(
        'SELECT pid FROM pg_locks WHERE locktype = $1 AND classid::int8 = $2::int8 AND pid <> pg_backend_pid()',
        ['advisory', namespace],
      );
      expect(held.rows).toEqual([]);
    } finally {
      await projector.end();
    }
    expect((await crm('rebuild', 'lifecycle_funnel')).code).toBe(0);
  });
});

describe('queries', () => {
  it('crm customer --phone finds the caller however the number is typed', async () => {
    const national = await crm('customer', '--phone', phone.typed, '--region', phone.region);
    expect(national.code, national.stderr).toBe(0);
    expect(national.stdout).toContain(wellKnown);
    const e164 = json<{
      searched: string;
      customers: Array<{ customerId: string; email: string }>;
    }>(await crm('customer', '--phone', phone.typed, '--region', phone.region, '--json'));
    const international = json<{ customers: Array<{ customerId: string }> }>(
      await crm('customer', '--phone', e164.searched, '--json'),
    );
    expect(international.customers[0]?.customerId).toBe(wellKnown);
    const email = e164.customers[0]?.email ?? '';
    const byEmail = json<{ customers: Array<{ customerId: string }> }>(
      await crm('customer', '--email', ` ${email.toUpperCase()} `, '--json'),
    );
    expect(byEmail.customers.map((c) => c.customerId)).toContain(wellKnown);
  });

  it('crm customer --name lists customers by name prefix', async () => {
    const view = json<{ customers: Array<{ name: { familyName: string } }> }>(
      await crm('customer', '--id', wellKnown, '--json'),
    );
    const prefix = view.customers[0]?.name.familyName.slice(0, 3) ?? '';
    const run = await crm('customer', '--name', prefix, '--json');
    expect(json<{ customers: unknown[] }>(run).customers.length).toBeGreaterThan(0);
  });

  it.each([
    ['funnel', 'Lifecycle funnel (customers)'],
    ['tiers', 'Profit tiers'],
    ['campaigns', 'Campaign ROI'],
    ['forecast', 'Sales forecast'],
    ['sla', 'Service SLA board'],
  ])('crm %s prints a table, and --json for scripts', async (command, heading) => {
    const table = await crm(command);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(heading);
    const data = await crm(command, '--json');
    expect(data.code).toBe(0);
    expect(() => JSON.parse(data.stdout)).not.toThrow();
  });

  it('crm tiers --year grades customers by profit', async () => {
    const year = new Date().getUTCFullYear();
    const report = json<{ customers: Array<{ tier: string; rank: number }> }>(
      await crm('tiers', '--year', String(year), '--json'),
    );
    expect(report.customers.every((c) => ['A', 'B', 'C', 'D'].includes(c.tier))).toBe(true);
  });
});

describe('import', () => {
  // Mixed phone formats, a repeated row, a duplicate by email, a bad email, a bad phone, a
  // duplicate of a stored customer (the demo's caller) by phone.
  const customersCsv = (): string =>
    [
      'Customer ID;Full Name;Company;E-Mail;Phone;Country;City;Street;Notes',
      "C-1;Ada Lovelace;;ADA@Example.org ;+44 20 7946 0991;GB;London;12 St James's Square;first",
      'C-2;Grace Hopper;;grace@example.com;(415) 555-2671;US;;;',
      'C-3;;Acme GmbH;info@acme.example;030 1234567;de;Berlin;Unter den Linden 1;a company',
      'C-4;Alan Turing;;not-an-email;020 7946 0018;GB;;;bad email',
      "C-1;Ada Lovelace;;ADA@Example.org ;+44 20 7946 0991;GB;London;12 St James's Square;repeated row",
      'C-5;"Lovelace, Ada";;ada@example.org;;GB;;;same email as C-1',
      'C-6;Margaret Hamilton;;margaret@example.com;555-0100;US;;;bad phone',
      `C-7;Caller Again;;;${phone.typed};${phone.region};;;the demo's caller`,
    ].join('\n');
  // A won deal in another currency with its rate, one without, a repeated row.
  const dealsCsv = [
    'Deal ID,Customer ID,Title,Amount,Currency,Cost,Stage,Close Date,Rate',
    'D-1,C-1,Analytical engine,"1,200.50",EUR,400,Closed Won,2025-03-01,',
    'D-2,C-2,Compiler licence,$2500,,1000,won,2025-04-15,0.92',
    'D-3,C-3,Office chairs,"1.234,50",EUR,,proposal,,',
    'D-4,C-2,Support,900,USD,100,won,2025-05-01,',
    'D-1,C-1,Analytical engine,"1,200.50",EUR,400,Closed Won,2025-03-01,',
  ].join('\n');
  const eventsInLog = async (): Promise<number> =>
    json<{ eventsInLog: number }>(await crm('status', '--json')).eventsInLog;

  it('crm import customers: cleans, reports invalid rows and duplicates, and stores nothing twice', async () => {
    const file = join(files, 'customers.csv');
    await writeFile(file, customersCsv());
    const before = await eventsInLog();
    const first = await crm('import', 'customers', file);
    expect(first.code).toBe(6);
    expect(first.stdout).toMatch(
      /5 │ email\s+│ E-Mail │ "not-an-email" is not a valid email address/,
    );
    expect(first.stdout).toMatch(
      /8 │ phone\s+│ Phone\s+│ "555-0100" is not a valid phone number in US/,
    );
    expect(first.stdout).toMatch(/6 │ line 2\s+│ repeat/);
    expect(first.stdout).toMatch(/7 │ line 2\s+│ email/);
    expect(first.stdout).toContain(wellKnown);
    expect(first.stdout).toContain('Columns not imported: "Notes".');
    expectOneLineFailure(
      first,
      6,
      /^crm: 2 invalid and 0 refused rows; the other rows were imported\.$/,
    );
    const afterFirst = await eventsInLog();
    expect(afterFirst - before).toBe(3);

    const again = json<{ written: unknown[]; alreadyImported: unknown[] }>(
      await crm('import', 'customers', file, '--json'),
    );
    expect(again.written).toEqual([]);
    expect(again.alreadyImported).toHaveLength(3);
    expect(await eventsInLog()).toBe(afterFirst);

    const merged = json<{ written: Array<{ line: number; action: string }> }>(
      await crm('import', 'customers', file, '--merge-duplicates', '--json'),
    );
    expect(merged.written.filter((w) => w.action.startsWith('merged')).map((w) => w.line)).toEqual([
      7, 9,
    ]);
    const afterMerge = await eventsInLog();
    await crm('import', 'customers', file, '--merge-duplicates');
    expect(await eventsInLog()).toBe(afterMerge);
  });

  it('crm import customers --all-or-nothing writes nothing when a row is invalid', async () => {
    const file = join(files, 'all-or-nothing.csv');
    await writeFile(file, 'Name,Email\nNew Person,new@example.org\nBad Person,bad@@example\n');
    const before = await eventsInLog();
    const run = await crm('import', 'customers', file, '--all-or-nothing');
    expect(run.stdout).toContain('Nothing was written');
    expectOneLineFailure(run, 6, /^crm: Nothing imported: 1 invalid row \(--all-or-nothing\)\.$/);
    expect(await eventsInLog()).toBe(before);
  });

  it('crm import deals: a deal won in another currency needs its rate; each row is stored once', async () => {
    const file = join(files, 'deals.csv');
    await writeFile(file, dealsCsv);
    const first = await crm('import', 'deals', file, '--json');
    expect(first.code).toBe(6);
    const report = json<{
      invalid: Array<{ line: number; field: string; message: string }>;
      written: Array<{ line: number; action: string }>;
    }>(first);
    expect(report.invalid).toEqual([
      expect.objectContaining({
        line: 5,
        field: 'currency',
        message: expect.stringContaining('won in USD, not EUR'),
      }),
    ]);
    expect(report.written.map((w) => [w.line, w.action])).toEqual([
      [2, 'won'],
      [3, 'won'],
      [4, 'opened'],
    ]);
    const withRate = json<{ written: Array<{ line: number }>; alreadyImported: unknown[] }>(
      await crm('import', 'deals', file, '--rate', 'USD=0.9', '--json'),
    );
    expect(withRate.written.map((w) => w.line)).toEqual([5]);
    expect(withRate.alreadyImported).toHaveLength(3);
  });

  it('reads a mapping given as flags or a file', async () => {
    const file = join(files, 'mapped.csv');
    await writeFile(file, 'Kontakt,Mail,Land\nHedy Lamarr,hedy@example.org,AT\n');
    const viaFlags = await crm(
      'import',
      'customers',
      file,
      '--map',
      'name=Kontakt',
      '--map',
      'email=Mail',
      '--map',
      'country=Land',
      '--json',
    );
    expect(viaFlags.code, viaFlags.stderr).toBe(0);
    const mapping = join(files, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ name: 'Kontakt', email: 'Mail', country: 'Land' }));
    const viaFile = json<{ alreadyImported: unknown[] }>(
      await crm('import', 'customers', file, '--mapping', mapping, '--json'),
    );
    expect(viaFile.alreadyImported).toHaveLength(1);
  });
});

describe('bad input: one line naming what is wrong, a non-zero exit, no stack trace', () => {
  it.each([
    [['history', 'customer-nobody'], 3, /^crm: No events are stored in customer-nobody\.$/],
    [['history', 'invoice-7'], 2, /"invoice-7" is not a CRM stream/],
    [['state', 'customer-x', '--at', '2025-13-45'], 2, /--at: "2025-13-45" is not an instant/],
    [['as-of', 'cust-000001', '--at', 'last tuesday'], 2, /--at: "last tuesday" is not an instant/],
    [['as-of', 'nobody', '--at', '2025-01-01'], 3, /No customer nobody is stored/],
    [
      ['import', 'customers', '/nonexistent/file.csv'],
      3,
      /file \/nonexistent\/file\.csv: no such file/,
    ],
    [['customer', '--phone', '12'], 2, /--phone: .*"12" is not a valid phone number/],
    [
      ['customer', '--email', 'nobody@example.org'],
      3,
      /No customer with email nobody@example\.org/,
    ],
    [['tiers', '--year', 'last'], 2, /--year: "last" is not a year/],
    [['rebuild', 'nonsense'], 3, /No projection "nonsense"; projections are customer_360/],
    [['status', '--bogus'], 2, /unknown option '--bogus'/],
  ] as const)('crm %j', async (args, code, message) => {
    expectOneLineFailure(await crm(...args), code, message);
  });

  it('an unreachable server', async () => {
    const run = await runCrm(['status', '--database-url', 'postgres://crm:crm@127.0.0.1:1/crm']);
    expectOneLineFailure(
      run,
      4,
      /^crm: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/crm: .*ECONNREFUSED/,
    );
  });

  it('an unknown command, and a missing database', async () => {
    expectOneLineFailure(await runCrm(['frobnicate']), 2, /unknown command 'frobnicate'/);
    expectOneLineFailure(
      await runCrm(['funnel']),
      2,
      /--database-url \(or DATABASE_URL\) is required/,
    );
  });
});

describe('crm with the log in EventStoreDB (--eventstore)', () => {
  it('writes the demo history there and reads it back for the audit commands', async () => {
    const { startEventStoreDbEmulator } = await import('@crm/eventstoredb-emulator');
    const emulator = await startEventStoreDbEmulator();
    try {
      const withEsdb = (...args: ReadonlyArray<string>) =>
        runCrm([
          ...args,
          '--database-url',
          readModels.url,
          '--eventstore',
          emulator.connectionString,
        ]);
      const demoRun = await withEsdb(
        'demo',
        '--customers',
        '20',
        '--months',
        '3',
        '--seed',
        'esdb',
      );
      expect(demoRun.code, demoRun.stderr).toBe(0);
      expect(demoRun.stdout).toContain('360° view');
      const verify = await withEsdb('verify');
      expect(verify.code, verify.stderr).toBe(0);
      expect(verify.stdout).toContain('Hash chain: intact');
      const history = await withEsdb('history', 'customer-cust-000001', '--json');
      expect(JSON.parse(history.stdout).entries[0].type).toBe('CustomerRegistered');
      // The decoding worker opens the log where the runtime does: in EventStoreDB.
      const rebuild = await withEsdb('rebuild', '--json');
      expect(rebuild.code, rebuild.stderr).toBe(0);
      expect(json<{ rebuilt: unknown[] }>(rebuild).rebuilt).toHaveLength(9);
    } finally {
      await emulator.stop();
    }
  });

  it('an unreachable EventStoreDB is one line and exit 4', async () => {
    const run = await crm('status', '--eventstore', 'esdb://127.0.0.1:1?tls=false');
    expectOneLineFailure(
      run,
      4,
      /^crm: Cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false: /,
    );
  });
});

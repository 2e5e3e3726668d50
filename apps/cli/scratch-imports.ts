const mods = [
  'kysely',
  'pg',
  'pino',
  'commander',
  'cli-table3',
  'cli-progress',
  'fp-ts/lib/Either.js',
  '@crm/domain',
  '@crm/event-store',
  '@crm/event-store-postgres',
  '@crm/command-handling',
  '@crm/command-handling-postgres',
  '@crm/projections',
  '@crm/read-models',
  '@crm/audit',
  '@crm/import',
  '@crm/seed',
  '@crm/test-database',
  '@crm/event-store-eventstoredb',
];
for (const m of mods) {
  const t = performance.now();
  await import(m);
  console.log((performance.now() - t).toFixed(0).padStart(6), m);
}

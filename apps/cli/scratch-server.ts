import { startEmbeddedPostgres } from '@crm/test-database';

const server = await startEmbeddedPostgres({ fast: true });
console.log(server.url);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);

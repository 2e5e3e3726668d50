import { startTestServer } from '@crm/test-database';
const server = await startTestServer({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
console.log(server.url);
process.on('SIGTERM', async () => { await server.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);

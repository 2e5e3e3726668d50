import { generateCrmHistory } from './src/generate-crm-history.ts';
const customers = Number(process.argv[2]); const months = Number(process.argv[3]);
for (const round of [1, 2]) {
const t0 = performance.now();
const h = generateCrmHistory({ seed: 'bench', customers, months, startAt: '2024-01-01' });
let n = 0; for (const _ of h) n++;
const s = (performance.now() - t0) / 1000;
if (round === 2) console.log(JSON.stringify({ customers, months, commands: n, events: h.progress.events, seconds: s.toFixed(2), perSecond: Math.round(n / s), eventsPerCustomer: (h.progress.events / customers).toFixed(2), estimate: [h.progress.estimatedCommands, h.progress.estimatedEvents], rssMB: Math.round(process.memoryUsage().rss / 1e6) }));
}

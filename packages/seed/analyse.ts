import { generateCrmHistory } from './src/generate-crm-history.ts';
import { decideAll } from './src/test-support.ts';
const h = generateCrmHistory({ seed: 'realism', customers: 2500, months: 24, startAt: '2024-01-01' });
const { decided } = decideAll(h);
const profit = new Map<string, number>(); const revenue: number[] = [];
const rate: Record<string, number> = { EUR: 1, USD: 1 / 1.08, GBP: 1 / 0.855 };
let lossDeals = 0, deals = 0;
for (const { events } of decided) for (const e of events as any[]) {
  if (e.type === 'DealWon') { deals++; const r = e.data.revenue.amountMinor / 100 * rate[e.data.currency]!; const p = e.data.profit.amountMinor / 100 * rate[e.data.currency]!; revenue.push(r); profit.set(e.data.customerId, (profit.get(e.data.customerId) ?? 0) + p); if (p < 0) lossDeals++; }
}
revenue.sort((a, b) => a - b);
const q = (x: number) => Math.round(revenue[Math.floor(x * (revenue.length - 1))]!);
console.log('won deals', deals, 'loss-making deals', lossDeals, 'revenue p10/p50/p90/max', q(0.1), q(0.5), q(0.9), q(1));
const ps = [...profit.values()].sort((a, b) => b - a); const total = ps.reduce((a, b) => a + b, 0);
let acc = 0, a = 0; for (const p of ps) { acc += p; a++; if (acc >= 0.8 * total) break; }
console.log('buying customers', ps.length, 'A tier (80% profit) customers', a, 'loss-making customers', ps.filter(p => p < 0).length, 'total profit', Math.round(total));
const types: Record<string, number> = {}; for (const { events } of decided) for (const e of events) types[e.type] = (types[e.type] ?? 0) + 1;
console.log(Object.entries(types).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k}:${v}`).join(' '));

import { generateCrmHistory } from './src/generate-crm-history.ts';
import { decideAll } from './src/test-support.ts';
const configs: Array<[number, number, string]> = [[10, 2, '2024-01-01'], [12, 3, '2023-06-15T12:00:00+02:00'], [50, 4, '2025-02-28'], [120, 7, '2024-03-31'], [800, 36, '2022-01-01'], [3000, 24, '2024-01-01'], [200, 120, '2010-01-01']];
let seedN = 0;
for (const [customers, months, startAt] of configs) for (let s = 0; s < 3; s++) {
  seedN++;
  try {
    const h = generateCrmHistory({ seed: seedN, customers, months, startAt, reportingCurrency: seedN % 4 === 0 ? 'USD' : 'EUR' });
    const { decided, refusals } = decideAll(h);
    const mism = decided.filter(d => d.events.length !== d.item.expectedEvents).length;
    const silent = decided.filter(d => d.events.length === 0 && !d.item.reaction).length;
    const merges = decided.filter(d => d.item.command.type === 'MergeCustomerInto').length;
    const erasures = decided.filter(d => d.item.command.type === 'ErasePersonalData').length;
    if (refusals.length || mism || silent || merges !== h.facts.duplicates.length || erasures !== 1)
      console.log('PROBLEM', customers, months, startAt, seedN, { refusals: refusals.slice(0, 3).map(r => r.item.command.type + ' ' + r.error._tag + ' ' + r.error.message), mism, silent, merges, dups: h.facts.duplicates.length, erasures });
    else console.log('ok', customers, months, seedN, decided.length);
  } catch (e) { console.log('THROW', customers, months, seedN, (e as Error).message); }
}

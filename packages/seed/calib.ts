import { generateCrmHistoryStats } from './src/history-stats.ts';
for (const customers of [1000, 5000]) for (const months of [3, 6, 12, 24, 36, 60]) {
  const s = generateCrmHistoryStats({ seed: 'calib', customers, months, startAt: '2024-01-01' });
  console.log(customers, months, (s.commands / customers).toFixed(2), (s.events / customers).toFixed(2), (s.events / s.commands).toFixed(3), 'campaign', (s.byAggregate.campaign / customers).toFixed(2));
}

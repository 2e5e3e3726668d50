import { generateCrmHistoryStats } from './src/history-stats.ts';
for (const [customers, months] of [[2000, 2], [1000, 120], [2000, 18], [2000, 48]]) {
  const s = generateCrmHistoryStats({ seed: 'calib2', customers, months, startAt: '2024-01-01' });
  console.log(customers, months, (s.commands / customers).toFixed(2), (s.events / customers).toFixed(2));
}

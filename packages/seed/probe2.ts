import { locales } from './src/locales/index.ts';
import { e164Of } from './src/phone-numbers.ts';
import { createRandom } from './src/random.ts';
const r = createRandom(3);
for (const l of locales) {
  const drafts: Array<[string, (x: typeof r) => { national: string }]> = [['mobile', l.mobile], ...l.cities.map(c => [c.name, c.landline] as [string, any])];
  for (const [name, d] of drafts) { let ok = 0; const bad: string[] = []; for (let i = 0; i < 1000; i++) { const n = d(r).national; if (e164Of(n, l.code as never)) ok++; else if (bad.length < 4) bad.push(n); } if (ok < 950) console.log(l.code, name, ok / 10, bad); }
}

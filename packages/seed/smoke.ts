import * as E from 'fp-ts/lib/Either.js';
import { campaignDecider, customerDecider, dealDecider, ticketDecider } from '@crm/domain';
import { generateCrmHistory } from './src/generate-crm-history.ts';

const deciders = { customer: customerDecider, deal: dealDecider, ticket: ticketDecider, campaign: campaignDecider } as const;
const t0 = performance.now();
const history = generateCrmHistory({ seed: 1, customers: Number(process.argv[2] ?? 300), months: Number(process.argv[3] ?? 24), startAt: '2024-01-01' });
const states = new Map<string, unknown>();
let refusals = 0, mismatch = 0, n = 0, events = 0, lastAt = '';
const shown = new Set<string>();
const wkTypes: Record<string, number> = {};
const stages = new Map<string,string>();
let breaches = 0; const wonCur: Record<string, number> = {};
for (const item of history) {
  n++;
  if (item.at < lastAt) { console.log('ORDER', item.at, lastAt); break; }
  lastAt = item.at;
  const decider = deciders[item.aggregate] as any;
  const state = states.get(item.streamName) ?? decider.initialState;
  const result = decider.decide(item.command, state);
  if (E.isLeft(result)) { refusals++; const k = item.command.type + ':' + result.left._tag; if (!shown.has(k)) { shown.add(k); console.log('REFUSED', item.commandId, item.command.type, result.left._tag, result.left.message); } continue; }
  if (result.right.length !== item.expectedEvents) { mismatch++; const k='M'+item.command.type; if (!shown.has(k)) {shown.add(k); console.log('EXPECTED', item.command.type, item.expectedEvents, 'got', result.right.map((e: any) => e.type)); } }
  events += result.right.length;
  for (const e of result.right as any[]) { if (e.type.includes('SlaBreached')) breaches++; if (e.type==='DealWon') wonCur[e.data.currency]=(wonCur[e.data.currency]??0)+1; if (e.type==='CustomerLifecycleStageAdvanced') stages.set(e.data.customerId, e.data.to); if (e.type==='CustomerChurned') stages.set(e.data.customerId,'churned'); if (e.type==='CustomerReactivated') stages.set(e.data.customerId,'reactivated'); if (e.type==='CustomerRegistered') stages.set(e.data.customerId,'lead'); }
  if ((item.command.data as any).customerId === 'cust-000001') wkTypes[item.command.type] = (wkTypes[item.command.type] ?? 0) + 1;
  states.set(item.streamName, result.right.reduce((s: unknown, e: unknown) => decider.evolve(s, e), state));
}
const ms = performance.now() - t0;
console.log({ n, events, refusals, mismatch, ms: Math.round(ms), perCustomerEvents: events / Number(process.argv[2] ?? 300) });
console.log(history.progress.byType);
console.log('wellknown', wkTypes);
const st: Record<string,number> = {}; for (const v of stages.values()) st[v]=(st[v]??0)+1; console.log('stages', st, 'breaches', breaches, 'won by currency', wonCur);
console.log(history.facts.wellKnownCustomer, history.facts.duplicates, history.facts.erasedCustomerId);
const wk = history.facts.wellKnownCustomer.customerId;

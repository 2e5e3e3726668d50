import type { AcquisitionChannel, PartyKind } from '@crm/domain';
import type { ProspectReach } from './models.ts';
import type { Random } from './random.ts';
import type { Simulation } from './simulation.ts';

const channelWeights: Readonly<
  Record<PartyKind, ReadonlyArray<readonly [AcquisitionChannel, number]>>
> = {
  person: [
    ['organic_search', 25],
    ['paid_ads', 15],
    ['social', 15],
    ['email', 8],
    ['referral', 12],
    ['partner', 2],
    ['event', 5],
    ['direct', 12],
    ['outbound', 2],
    ['other', 4],
  ],
  company: [
    ['organic_search', 15],
    ['paid_ads', 10],
    ['social', 8],
    ['email', 5],
    ['referral', 12],
    ['partner', 12],
    ['event', 13],
    ['direct', 5],
    ['outbound', 18],
    ['other', 2],
  ],
};

const qualificationBonus: Readonly<Partial<Record<AcquisitionChannel, number>>> = {
  referral: 0.2,
  event: 0.1,
  partner: 0.1,
  outbound: -0.1,
  paid_ads: -0.05,
};

/** Where a new customer came from: a channel (weighted by party kind) and a source label in it. */
export const acquisitionOf = (
  simulation: Simulation,
  kind: PartyKind,
): { readonly channel: AcquisitionChannel; readonly source: string } => {
  const channel = simulation.random.weighted(channelWeights[kind]);
  const year = new Date(simulation.now()).getUTCFullYear();
  return { channel, source: sourceOf(simulation, channel, year) };
};

const sourceOf = (simulation: Simulation, channel: AcquisitionChannel, year: number): string => {
  const { random } = simulation;
  switch (channel) {
    case 'organic_search':
      return random.pick(['google', 'bing', 'duckduckgo']);
    case 'paid_ads':
      return `${random.pick(['google-ads', 'linkedin-ads', 'meta-ads'])}-${year}`;
    case 'social':
      return random.pick(['linkedin', 'instagram', 'facebook', 'youtube']);
    case 'email':
      return random.pick(['newsletter-signup', 'webinar-registration']);
    case 'referral': {
      const referrer =
        simulation.customers.length > 0 ? random.pick(simulation.customers) : undefined;
      return referrer === undefined ? 'referral:word-of-mouth' : `referral:${referrer.id}`;
    }
    case 'partner':
      return random.pick([
        'partner:northwind-resellers',
        'partner:alpen-it-haus',
        'partner:bluepeak-msp',
      ]);
    case 'event':
      return `${random.pick(['spring-tech-fair', 'office-expo', 'smb-it-summit', 'regional-roadshow'])}-${year}`;
    case 'direct':
      return random.pick(['walk-in', 'phone-in', 'website']);
    case 'outbound':
      return random.pick(['cold-call', 'cold-email', 'account-based']);
    case 'other':
      return 'unknown';
  }
};

/**
 * How far the owner will take a new prospect: most stop as leads, referrals and events go
 * further, cold outbound contacts less far.
 */
export const reachOf = (
  random: Random,
  kind: PartyKind,
  channel: AcquisitionChannel,
): ProspectReach => {
  const marketingQualified = (kind === 'company' ? 0.65 : 0.6) + (qualificationBonus[channel] ?? 0);
  if (!random.chance(marketingQualified)) return random.chance(0.1) ? 'deal' : 'lead';
  if (!random.chance(0.7)) return 'marketing_qualified';
  return random.chance(0.8) ? 'deal' : 'sales_qualified';
};

/** Users at a company (what per-seat products are ordered for): mostly small firms. */
export const seatsOf = (random: Random, kind: PartyKind): number =>
  kind === 'person'
    ? 1
    : random.weighted<() => number>([
        [() => random.int(5, 20), 60],
        [() => random.int(20, 100), 30],
        [() => random.int(100, 400), 10],
      ])();

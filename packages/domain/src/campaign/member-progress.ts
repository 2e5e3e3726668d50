import type { CampaignMemberStatus, CampaignResponse } from './values.ts';

/** The funnel a member moves along, in order, after being `added`. */
export const responseFunnel = [
  'added',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'responded',
  'converted',
] as const satisfies ReadonlyArray<CampaignMemberStatus>;

/** How far along the funnel a status is (0 for `added`), or `undefined` for the two ends. */
export const funnelRank = (status: CampaignMemberStatus): number | undefined => {
  const rank = responseFunnel.indexOf(status as (typeof responseFunnel)[number]);
  return rank < 0 ? undefined : rank;
};

/**
 * What a response does to a member in `current`:
 * - `repeat`: it is the member's status already; recording it again changes nothing;
 * - `moves`: it is further along the funnel (steps may be skipped: an open implies delivery),
 *   or it unsubscribes, or it bounces a message not yet delivered;
 * - `out_of_order`: it is behind the member's status (or bounces after delivery);
 * - `unreachable`: the member unsubscribed or bounced, so nothing further is recorded.
 */
export type ResponseVerdict = 'repeat' | 'moves' | 'out_of_order' | 'unreachable';

/** Judges a response against the member's current status (see `ResponseVerdict`). */
export const judgeResponse = (
  current: CampaignMemberStatus,
  response: CampaignResponse,
): ResponseVerdict => {
  if (response === current) return 'repeat';
  const currentRank = funnelRank(current);
  if (currentRank === undefined) return 'unreachable';
  if (response === 'unsubscribed') return 'moves';
  if (response === 'bounced') return currentRank <= 1 ? 'moves' : 'out_of_order';
  return (funnelRank(response) ?? 0) > currentRank ? 'moves' : 'out_of_order';
};

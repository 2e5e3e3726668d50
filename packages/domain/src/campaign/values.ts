import * as t from 'io-ts';
import { LifecycleStage } from '../customer/lifecycle-stage.ts';
import { Tag } from '../kernel/text.ts';
import { CalendarDate } from '../kernel/time.ts';

/** Where a campaign reaches its audience. */
export const CampaignChannel = t.keyof({ email: null, sms: null, social: null, event: null });
export type CampaignChannel = t.TypeOf<typeof CampaignChannel>;

/** The calendar days a campaign runs, both included (`end` is on or after `start`). */
export const CampaignPeriod = t.readonly(t.type({ start: CalendarDate, end: CalendarDate }));
export type CampaignPeriod = t.TypeOf<typeof CampaignPeriod>;

/** Whom a campaign is for: customers with any of these tags, in any of these lifecycle stages. */
export const TargetSegment = t.readonly(
  t.type({ tags: t.readonlyArray(Tag), lifecycleStages: t.readonlyArray(LifecycleStage) }),
);
export type TargetSegment = t.TypeOf<typeof TargetSegment>;

/**
 * What a member did with the campaign: the funnel `sent → delivered → opened → clicked →
 * responded → converted`, or one of the two ends `unsubscribed` and `bounced`.
 */
export const CampaignResponse = t.keyof({
  sent: null,
  delivered: null,
  opened: null,
  clicked: null,
  responded: null,
  converted: null,
  unsubscribed: null,
  bounced: null,
});
export type CampaignResponse = t.TypeOf<typeof CampaignResponse>;

/** Where a member stands: just `added`, or the furthest response recorded for them. */
export const CampaignMemberStatus = t.keyof({ added: null, ...CampaignResponse.keys });
export type CampaignMemberStatus = t.TypeOf<typeof CampaignMemberStatus>;

import type { UpdateCustomerPreferences } from './commands-profile.ts';
import { accept, alreadyInEffect, type CustomerDecision, refuse } from './decision.ts';
import { InteractionChannel } from './engagement.ts';
import { preferredChannelOptedOut, tooManyCustomPreferences } from './errors-rules.ts';
import {
  type CustomPreferences,
  maxCustomPreferences,
  type Preferences,
  type PreferenceValue,
} from './preferences.ts';

const channelOrder = Object.keys(InteractionChannel.keys);

/** Opt-outs as a set: no repeats, in a fixed order, so equal sets compare equal. */
const asChannelSet = (
  channels: ReadonlyArray<InteractionChannel>,
): ReadonlyArray<InteractionChannel> =>
  [...new Set(channels)].sort((a, b) => channelOrder.indexOf(a) - channelOrder.indexOf(b));

const patched = (
  custom: CustomPreferences,
  patch: Readonly<Record<string, PreferenceValue | null>>,
): CustomPreferences => {
  const next: Record<string, PreferenceValue> = { ...custom };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as CustomPreferences;
};

const sameCustom = (a: CustomPreferences, b: CustomPreferences): boolean => {
  const entries = Object.entries(a);
  return (
    entries.length === Object.keys(b).length &&
    entries.every(([key, value]) => Object.hasOwn(b, key) && b[key as keyof typeof b] === value)
  );
};

/** True when both hold the same preferences. */
export const samePreferences = (a: Preferences, b: Preferences): boolean =>
  a.preferredChannel === b.preferredChannel &&
  a.language === b.language &&
  a.optOuts.join() === b.optOuts.join() &&
  sameCustom(a.custom, b.custom);

/**
 * Applies a preferences change: what the command leaves out stays. Refused when the preferred
 * channel would be an opted-out one, or when too many free preferences would remain.
 */
export const decidePreferencesUpdate = (
  { data }: UpdateCustomerPreferences,
  current: Preferences,
): CustomerDecision => {
  const next: Preferences = {
    preferredChannel:
      data.preferredChannel === undefined ? current.preferredChannel : data.preferredChannel,
    language: data.language === undefined ? current.language : data.language,
    optOuts: data.optOuts === undefined ? current.optOuts : asChannelSet(data.optOuts),
    custom: data.custom === undefined ? current.custom : patched(current.custom, data.custom),
  };
  if (next.preferredChannel !== null && next.optOuts.includes(next.preferredChannel)) {
    return refuse(preferredChannelOptedOut(next.preferredChannel));
  }
  const count = Object.keys(next.custom).length;
  if (count > maxCustomPreferences) {
    return refuse(tooManyCustomPreferences(maxCustomPreferences, count));
  }
  return samePreferences(next, current)
    ? alreadyInEffect
    : accept({
        type: 'CustomerPreferencesUpdated',
        version: 1,
        data: { customerId: data.customerId, preferences: next, at: data.at },
      });
};

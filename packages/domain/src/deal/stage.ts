import * as t from 'io-ts';

/** The open stages of the sales pipeline, in their forward order. A deal then ends won or lost. */
export const OpenDealStage = t.keyof({
  qualification: null,
  needs_analysis: null,
  proposal: null,
  negotiation: null,
});
export type OpenDealStage = t.TypeOf<typeof OpenDealStage>;

/** The open stages in pipeline order (`qualification` first, `negotiation` last). */
export const openDealStages: ReadonlyArray<OpenDealStage> = [
  'qualification',
  'needs_analysis',
  'proposal',
  'negotiation',
];

export interface WinProbabilityPercentBrand {
  readonly WinProbabilityPercent: unique symbol;
}

/** A win probability as a whole percentage, 0 to 100 inclusive. */
export const WinProbabilityPercent = t.brand(
  t.number,
  (n): n is t.Branded<number, WinProbabilityPercentBrand> =>
    Number.isInteger(n) && n >= 0 && n <= 100,
  'WinProbabilityPercent',
);
export type WinProbabilityPercent = t.TypeOf<typeof WinProbabilityPercent>;

/**
 * The win probability a deal gets on entering each open stage, used to weight the forecast.
 * A deal may override it (SetDealWinProbability) until its stage next changes.
 */
export const defaultWinProbabilities: Readonly<Record<OpenDealStage, WinProbabilityPercent>> = {
  qualification: 10 as WinProbabilityPercent,
  needs_analysis: 25 as WinProbabilityPercent,
  proposal: 50 as WinProbabilityPercent,
  negotiation: 75 as WinProbabilityPercent,
};

/** The stage after `stage`, or `undefined` from `negotiation` (the next step is winning or losing). */
export const nextOpenStage = (stage: OpenDealStage): OpenDealStage | undefined =>
  openDealStages[openDealStages.indexOf(stage) + 1];

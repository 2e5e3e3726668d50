import type { LineItem } from '@crm/domain';

/** Σ quantity × unit price, exactly, in the deal currency's minor units. */
export const pipelineValueOf = (lineItems: ReadonlyArray<LineItem>): bigint =>
  lineItems.reduce(
    (sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPrice.amountMinor),
    0n,
  );

/** value × probability %, rounded half away from zero to a whole minor unit. */
export const weightedValueOf = (value: bigint, probabilityPercent: number): bigint => {
  const scaled = value * BigInt(probabilityPercent);
  return scaled >= 0n ? (scaled + 50n) / 100n : -((-scaled + 50n) / 100n);
};

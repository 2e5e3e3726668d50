import type { AnyProjection, ReportingSettings } from '../projection.ts';
import { withRunLog } from './run-log.ts';
import { categoryCountProjection, streamCountProjection } from './test-projections.ts';

/**
 * The test projections as a registry, the shape the projector app loads
 * (`--projections @crm/projections/testing#testProjections`): a category counter and a
 * stream/customer counter, each with a run log.
 */
export const testProjections = (_settings?: ReportingSettings): ReadonlyArray<AnyProjection> => [
  withRunLog(categoryCountProjection()),
  withRunLog(streamCountProjection()),
];

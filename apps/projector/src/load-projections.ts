import type { AnyProjection, ReportingSettings } from '@crm/projections';

/** Where the projections come from: a module and the export that lists them. */
export const defaultProjectionsModule = '@crm/read-models#allProjections';

/**
 * Imports `<module>#<export>` (export `allProjections` when none is named) and calls it with
 * the reporting settings: the registry of read models the projector runs.
 */
export const loadProjections = async (
  reference: string,
  settings: ReportingSettings,
): Promise<ReadonlyArray<AnyProjection>> => {
  const [specifier = '', exportName = 'allProjections'] = reference.split('#');
  const loaded = (await import(specifier)) as Readonly<Record<string, unknown>>;
  const registry = loaded[exportName];
  if (typeof registry !== 'function') {
    throw new TypeError(`${specifier} exports no function ${exportName}(settings).`);
  }
  const projections: unknown = registry(settings);
  if (!Array.isArray(projections) || projections.length === 0) {
    throw new TypeError(`${specifier}#${exportName}(settings) returned no projections.`);
  }
  return projections as ReadonlyArray<AnyProjection>;
};

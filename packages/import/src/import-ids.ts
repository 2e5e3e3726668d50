import { createHash } from 'node:crypto';

/**
 * Ids derived from what a row is, so that importing the same file again addresses the same
 * customers, deals and commands, and command handling's idempotence stores nothing twice.
 * `namespace` keeps two source systems' record ids apart (`--source`).
 */
export const importIds = (namespace: string, kind: 'customers' | 'deals') => {
  const digest = (...parts: ReadonlyArray<string>): string =>
    createHash('sha256')
      .update([namespace, kind, ...parts].join('\u0000'))
      .digest('hex');
  return {
    /** The aggregate id of the row with this key (`imp-3f2a…`). */
    aggregateId: (key: string): string => `imp-${digest('id', key).slice(0, 20)}`,
    /** The command id of one step of the row (`register`, `merge`, `open`, `win`…). */
    commandId: (key: string, step: string): string =>
      `import-${digest('command', key, step).slice(0, 32)}`,
  };
};

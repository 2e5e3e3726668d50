import type { Role } from '@crm/domain';

/**
 * One permission: the commands of an aggregate a role may run (`'*'`: all of them, less
 * `except`), on every instance (`scope: 'any'`) or only on those the actor owns (`'own'`, the
 * owner as the route's `ownerOf` reads it from the state).
 */
export interface Grant {
  readonly aggregate: string;
  readonly commands: '*' | ReadonlyArray<string>;
  readonly except?: ReadonlyArray<string>;
  readonly scope: 'any' | 'own';
}

/** Which roles may run which commands: every role listed, with no grant meaning read-only. */
export type RoleTable = Readonly<Record<Role, ReadonlyArray<Grant>>>;

const covers = (grant: Grant, aggregate: string, commandType: string): boolean =>
  grant.aggregate === aggregate &&
  (grant.commands === '*' || grant.commands.includes(commandType)) &&
  !(grant.except ?? []).includes(commandType);

/**
 * The widest scope the table grants `role` for a command: `'any'`, `'own'`, or `undefined`
 * when the role may not run it at all.
 *
 * @example
 * scopeOf(defaultRoleTable, 'sales_rep', 'deal', 'WinDeal'); // 'own'
 * scopeOf(defaultRoleTable, 'auditor', 'deal', 'WinDeal'); // undefined
 */
export const scopeOf = (
  table: RoleTable,
  role: Role,
  aggregate: string,
  commandType: string,
): 'any' | 'own' | undefined => {
  const grants = table[role].filter((grant) => covers(grant, aggregate, commandType));
  if (grants.some((grant) => grant.scope === 'any')) return 'any';
  return grants.length > 0 ? 'own' : undefined;
};

import type { DomainError, Role } from '@crm/domain';

/**
 * The actor may not run this command: its role has no grant for it (`RoleNotAllowed`), or only
 * for instances it owns and it does not own this one (`NotOwner`). Nothing is appended.
 */
export interface Forbidden extends DomainError<'Forbidden'> {
  readonly reason: 'RoleNotAllowed' | 'NotOwner';
  readonly role: Role;
  readonly actorId: string;
  readonly commandType: string;
}

/** Builds a `Forbidden` refusal with a readable message. */
export const forbidden = (
  reason: Forbidden['reason'],
  actor: { readonly id: string; readonly role: Role },
  commandType: string,
  target: string,
): Forbidden => ({
  _tag: 'Forbidden',
  reason,
  role: actor.role,
  actorId: actor.id,
  commandType,
  message:
    reason === 'RoleNotAllowed'
      ? `${actor.id} acts as ${actor.role}, which may not run ${commandType}.`
      : `${actor.id} acts as ${actor.role}, which may run ${commandType} only on what it owns, and does not own ${target}.`,
});

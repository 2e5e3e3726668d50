import type { EventNotifications } from './event-notifications.ts';

/** What the store needs of a PGlite instance, declared here so PGlite stays the caller's choice. */
export interface PgliteListener {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

/**
 * LISTEN/NOTIFY on PGlite, through its own `listen` API (in the same process, so nothing is
 * ever lost in transit).
 *
 * @example
 * const pglite = await PGlite.create();
 * const store = createPostgresEventStore({
 *   db: new Kysely({ dialect: new KyselyPGlite(pglite).dialect }),
 *   notifications: pgliteNotifications(pglite),
 * });
 */
export const pgliteNotifications = (pglite: PgliteListener): EventNotifications => ({
  listen: (channel, onNotification) => pglite.listen(channel, () => onNotification()),
});

/** The channel appends notify and subscriptions listen on. */
export const notificationChannel = 'es_events';

/** The type of a deleted stream's tombstone row; no event's type can be it (they start with a letter). */
export const tombstoneType = '$deleted';

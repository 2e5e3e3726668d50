/**
 * How a store hears that events may have been appended, by any process: PostgreSQL's
 * LISTEN/NOTIFY through whichever driver the application uses. Notifications only wake
 * subscriptions early; they poll as well, so a lost notification delays, never loses, an event.
 */
export interface EventNotifications {
  /**
   * Starts listening on `channel`. `onNotification` runs for each notification; `onLost` runs
   * if the listening connection dies (the store then polls, and listens again later).
   * Resolves to a function that stops listening and releases the connection.
   */
  readonly listen: (
    channel: string,
    onNotification: () => void,
    onLost: (error: unknown) => void,
  ) => Promise<() => Promise<void>>;
}

/** What an event adds to its customer's timeline: a title free of personal data, and a summary that is not. */
export interface Entry {
  readonly kind: string;
  readonly title: string;
  /** Free text that may be personal (an interaction summary, a ticket subject): dropped on erasure. */
  readonly summary: string | null;
  readonly reference: string | null;
}

/** Every way a key store call can fail. */
export type KeyStoreErrorCode = 'SubjectErased' | 'Unavailable';

/** The one error type of the key store port; callers switch on `code`. */
export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';

  private constructor(
    readonly code: KeyStoreErrorCode,
    message: string,
    readonly subject: string | undefined,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }

  /** The subject's personal data was erased: no key will ever be issued for it again. */
  static subjectErased(subject: string): KeyStoreError {
    return new KeyStoreError(
      'SubjectErased',
      `The personal data of ${subject} was erased; no new personal data can be stored for it.`,
      subject,
    );
  }

  /** The key store cannot be reached or failed. */
  static unavailable(message: string, cause?: unknown): KeyStoreError {
    return new KeyStoreError('Unavailable', message, undefined, { cause });
  }
}

/** A subject's key as found: the 32 key bytes, `'erased'`, or `undefined` (never created). */
export type KeyLookup = Uint8Array | 'erased' | undefined;

/**
 * The key store port: one AES-256 key per data subject (a customer). Erasing a subject deletes
 * its key for good and leaves a tombstone, so every copy of its encrypted personal data — in
 * the log, in snapshots, in backups — becomes unreadable at once, without rewriting history.
 * Implemented in memory and on PostgreSQL (`@crm/command-handling-postgres`).
 * Every method rejects with `KeyStoreError` only.
 */
export interface KeyStore {
  /**
   * The subject's key, created on first use. Concurrent first uses agree on one key. Rejects
   * with `SubjectErased` once the subject is erased.
   */
  readonly keyFor: (subject: string) => Promise<Uint8Array>;
  /** The subject's key if it has one, without creating it. */
  readonly find: (subject: string) => Promise<KeyLookup>;
  /** Deletes the subject's key and records the erasure. Idempotent. */
  readonly erase: (subject: string) => Promise<void>;
}

/** Narrows an unknown rejection to a `KeyStoreError`, optionally of one code. */
export const isKeyStoreError = (error: unknown, code?: KeyStoreErrorCode): error is KeyStoreError =>
  error instanceof KeyStoreError && (code === undefined || error.code === code);

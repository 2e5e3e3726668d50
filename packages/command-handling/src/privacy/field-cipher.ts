import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JsonValue } from '@crm/event-store';

/**
 * A personal value as stored: AES-256-GCM ciphertext of its JSON under the subject's key,
 * with a fresh 96-bit IV. `data` is base64 of ciphertext followed by the 16-byte tag. The
 * subject names the key; the additional authenticated data (where the value sits: event id
 * and field path) is not stored but recomputed, so a value moved elsewhere fails to decrypt.
 */
// A type alias rather than an interface, so it counts as a JSON object where one is expected.
export type EncryptedValue = {
  readonly $pii: 'aes-256-gcm/v1';
  readonly subject: string;
  readonly iv: string;
  readonly data: string;
};

const algorithm = 'aes-256-gcm';
const tagLength = 16;

/** Encrypts a JSON value under `key`, bound to `associatedData`. */
export const encryptValue = (
  key: Uint8Array,
  subject: string,
  value: JsonValue,
  associatedData: string,
): EncryptedValue => {
  const iv = randomBytes(12);
  const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(value), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return {
    $pii: 'aes-256-gcm/v1',
    subject,
    iv: iv.toString('base64'),
    data: ciphertext.toString('base64'),
  };
};

/**
 * Decrypts a value written by `encryptValue`; `undefined` when the key, the associated data or
 * the bytes do not match (a wrong key or a tampered value: GCM authenticates all three).
 */
export const decryptValue = (
  key: Uint8Array,
  value: EncryptedValue,
  associatedData: string,
): JsonValue | undefined => {
  try {
    const bytes = Buffer.from(value.data, 'base64');
    const decipher = createDecipheriv(algorithm, key, Buffer.from(value.iv, 'base64'), {
      authTagLength: tagLength,
    });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - tagLength)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(plain) as JsonValue;
  } catch {
    return undefined;
  }
};

/** True when `value` has the shape of an encrypted personal value. */
export const isEncryptedValue = (value: unknown): value is EncryptedValue => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.$pii === 'aes-256-gcm/v1' &&
    typeof v.subject === 'string' &&
    typeof v.iv === 'string' &&
    typeof v.data === 'string'
  );
};

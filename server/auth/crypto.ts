/**
 * Secrets at rest: a session's Productive token is encrypted with AES-256-GCM under a key derived (HKDF-SHA-256)
 * from INBOX_SESSION_SECRET, and bound to its session (the session's hash is the additional authenticated data),
 * so a ciphertext copied to another session row does not decrypt. Session ids are stored only as SHA-256 hashes.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type TokenKey = Buffer;

/** The key that encrypts tokens, from the configured secret (never stored). */
export function deriveTokenKey(secret: string): TokenKey {
  return Buffer.from(
    hkdfSync('sha256', secret, 'productive-inbox', 'session-token-encryption-v1', 32),
  );
}

/** An opaque, random session id for the cookie: 256 bits, base64url. */
export const newSessionId = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a session id: its SHA-256, so a copy of the database signs nobody in. */
export const hashSessionId = (id: string): string =>
  createHash('sha256').update(id, 'utf8').digest('base64url');

export function encryptToken(key: TokenKey, token: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/** The token, or null when the ciphertext was tampered with, moved, or sealed under another secret. */
export function decryptToken(key: TokenKey, sealed: string, boundTo: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * A session's token is decrypted once, not on every request, and the decrypted copy never outlives what the
 * database says: a row re-sealed, made unreadable, signed out or expired is never answered from it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import type * as Crypto from './crypto.ts';
import { decryptToken, deriveTokenKey, encryptToken, hashSessionId } from './crypto.ts';
import { SessionStore } from './session-store.ts';

vi.mock('./crypto.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, decryptToken: vi.fn(original.decryptToken) };
});

const SECRET = 'a-session-secret-of-at-least-32-characters!';
const KEY = deriveTokenKey(SECRET);
const identity = {
  personId: '1',
  personName: 'Ana Kovač',
  organizationId: '10',
  organizationName: 'Acme Agency',
};

describe('the decrypted token of a session', () => {
  it('is decrypted once across requests', () => {
    const store = new SessionStore({ path: ':memory:', key: KEY, ttlMs: 60_000 });
    const id = store.create({ ...identity, token: 'pat-ana-0123456789' });
    vi.mocked(decryptToken).mockClear();
    for (let request = 0; request < 20; request++) {
      expect(store.find(id)?.token).toBe('pat-ana-0123456789');
    }
    expect(decryptToken).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('follows the row: re-sealed, unreadable, signed out, expired', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'inbox-token-cache-')), 'sessions.db');
    let now = 1_000_000;
    const store = new SessionStore({ path, key: KEY, ttlMs: 60_000, now: () => now });
    const id = store.create({ ...identity, token: 'pat-ana-0123456789' });
    const idHash = hashSessionId(id);
    expect(store.find(id)?.token).toBe('pat-ana-0123456789');

    // Changed under the store (as by another secret's rotation): the row's sealed value is what counts.
    const raw = new DatabaseSync(path);
    const reseal = (sealed: string) =>
      raw.prepare('UPDATE sessions SET token_sealed = ? WHERE id_hash = ?').run(sealed, idHash);
    reseal(encryptToken(KEY, 'pat-ana-new-token-99', idHash));
    expect(store.find(id)?.token).toBe('pat-ana-new-token-99');
    reseal(encryptToken(deriveTokenKey(`${SECRET}-other`), 'pat-ana-0123456789', idHash));
    expect(store.find(id)).toBeNull();
    raw.close();

    const second = store.create({ ...identity, token: 'pat-ana-second-token' });
    expect(store.find(second)?.token).toBe('pat-ana-second-token');
    now += 61_000;
    expect(store.find(second)).toBeNull();

    const third = store.create({ ...identity, token: 'pat-ana-third-token' });
    expect(store.find(third)?.token).toBe('pat-ana-third-token');
    store.delete(third);
    expect(store.find(third)).toBeNull();
    store.close();
  });
});

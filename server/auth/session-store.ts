/**
 * Team mode's sessions: server-side records in SQLite (INBOX_DATA_DIR/sessions.db, WAL). The browser holds only
 * the random id; the database holds its hash, who it belongs to, and the token encrypted (crypto.ts). A session
 * ends when it is signed out or unused for longer than the TTL.
 */
import type { DatabaseSync } from 'node:sqlite';
import { openPrivateDatabase } from '../db/database.ts';
import {
  decryptToken,
  encryptToken,
  hashSessionId,
  newSessionId,
  type TokenKey,
} from './crypto.ts';

export interface SessionIdentity {
  personId: string;
  personName: string;
  organizationId: string;
  organizationName: string;
}

export interface Session extends SessionIdentity {
  token: string;
}

interface SessionRow {
  token_sealed: string;
  person_id: string;
  person_name: string;
  organization_id: string;
  organization_name: string;
  last_seen_ms: number;
}

export interface SessionStoreOptions {
  path: string;
  key: TokenKey;
  ttlMs: number;
  now?: () => number;
}

/** How stale last_seen may get before a use writes it again (keeps reads from writing on every request). */
const TOUCH_AFTER_MS = 60_000;

export class SessionStore {
  readonly #db: DatabaseSync;
  readonly #key: TokenKey;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ path, key, ttlMs, now = Date.now }: SessionStoreOptions) {
    this.#db = openPrivateDatabase(path);
    this.#db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      id_hash TEXT PRIMARY KEY,
      token_sealed TEXT NOT NULL,
      person_id TEXT NOT NULL,
      person_name TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      organization_name TEXT NOT NULL,
      created_ms INTEGER NOT NULL,
      last_seen_ms INTEGER NOT NULL
    ) STRICT`);
    this.#key = key;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** Makes a session and returns the id to put in the cookie (the only time the id exists in the clear). */
  create(session: Session): string {
    const id = newSessionId();
    const idHash = hashSessionId(id);
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT INTO sessions (id_hash, token_sealed, person_id, person_name, organization_id, organization_name,
          created_ms, last_seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        idHash,
        encryptToken(this.#key, session.token, idHash),
        session.personId,
        session.personName,
        session.organizationId,
        session.organizationName,
        now,
        now,
      );
    return id;
  }

  /** The live session for a cookie's id, its use noted; null when unknown, expired (then deleted) or unreadable. */
  find(id: string | undefined): Session | null {
    if (!id || id.length > 100) return null;
    const idHash = hashSessionId(id);
    const row = this.#db
      .prepare(
        `SELECT token_sealed, person_id, person_name, organization_id, organization_name, last_seen_ms
         FROM sessions WHERE id_hash = ?`,
      )
      .get(idHash) as SessionRow | undefined;
    if (!row) return null;
    const now = this.#now();
    if (now - row.last_seen_ms > this.#ttlMs) {
      this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
      return null;
    }
    const token = decryptToken(this.#key, row.token_sealed, idHash);
    if (token === null) return null;
    if (now - row.last_seen_ms > TOUCH_AFTER_MS) {
      this.#db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?').run(now, idHash);
    }
    return {
      token,
      personId: row.person_id,
      personName: row.person_name,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
    };
  }

  /**
   * The token of some live session of this person (the most recently used), for work done on their behalf when
   * no request of theirs is at hand (waking a snooze). Null when they have none. Does not count as use.
   */
  tokenOfPerson(organizationId: string, personId: string): string | null {
    const rows = this.#db
      .prepare(
        `SELECT id_hash, token_sealed FROM sessions
         WHERE organization_id = ? AND person_id = ? AND last_seen_ms >= ? ORDER BY last_seen_ms DESC`,
      )
      .all(organizationId, personId, this.#now() - this.#ttlMs) as {
      id_hash: string;
      token_sealed: string;
    }[];
    for (const row of rows) {
      const token = decryptToken(this.#key, row.token_sealed, row.id_hash);
      if (token !== null) return token;
    }
    return null;
  }

  delete(id: string | undefined): void {
    if (!id || id.length > 100) return;
    this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSessionId(id));
  }

  /** Removes every session unused for longer than the TTL; returns how many. */
  purgeExpired(): number {
    const result = this.#db
      .prepare('DELETE FROM sessions WHERE last_seen_ms < ?')
      .run(this.#now() - this.#ttlMs);
    return Number(result.changes);
  }

  close(): void {
    this.#db.close();
  }
}

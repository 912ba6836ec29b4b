/**
 * Team mode's sessions: server-side records in SQLite (INBOX_DATA_DIR/sessions.db, WAL). The browser holds only
 * the random id; the database holds its hash, who it belongs to, and the token encrypted (crypto.ts). A session
 * ends when it is signed out or unused for longer than the TTL.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { describeStorageError, isStorageError, openPrivateDatabase } from '../db/database.ts';
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
  /** A person's live sessions beyond this many end, least recently used first. */
  sessionsPerPerson?: number;
  /** No new session while this many are live (SessionLimitReached). */
  maxSessions?: number;
}

/** Every live session counts against INBOX_MAX_SESSIONS, and this sign-in would pass it. */
export class SessionLimitReached extends Error {
  readonly max: number;
  constructor(max: number) {
    super(`The server already holds ${max} sessions`);
    this.name = 'SessionLimitReached';
    this.max = max;
  }
}

/**
 * Room kept beside sessions.db (`sessions.db.reserve`) so that sign-outs can be written on a full disk: a delete
 * needs a few pages of write-ahead log. Given back when a delete fails for space, made again once writes succeed.
 */
const RESERVE_BYTES = 256 * 1024;

/** How stale last_seen may get before a use writes it again (keeps reads from writing on every request). */
const TOUCH_AFTER_MS = 60_000;

export class SessionStore {
  readonly #db: DatabaseSync;
  readonly #key: TokenKey;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #sessionsPerPerson: number;
  readonly #maxSessions: number;
  /**
   * Sessions signed out whose row the disk has not yet let go (a full disk): they are over all the same. Kept in
   * memory until the delete succeeds (retried at every purge and sign-out), so sign-out always ends the session.
   */
  readonly #ended = new Set<string>();
  #endedTriedMs = 0;
  readonly #reserve: string | null;
  #findStatement: StatementSync | undefined;
  /**
   * Tokens already decrypted, per session hash, with the sealed value they came from: a session's token is decrypted
   * once, not on every request (AES-GCM set-up was a twentieth of the proxy's time per request). Used only for a
   * row just read whose sealed value is the same, so a deleted, expired or re-sealed session is never answered from
   * here; at most as many entries as sessions may be live.
   */
  readonly #tokens = new Map<string, { sealed: string; token: string }>();

  constructor({
    path,
    key,
    ttlMs,
    now = Date.now,
    sessionsPerPerson = 10,
    maxSessions = 10_000,
  }: SessionStoreOptions) {
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
    this.#db.exec(
      'CREATE INDEX IF NOT EXISTS sessions_by_person ON sessions (organization_id, person_id, last_seen_ms)',
    );
    this.#db.exec('CREATE INDEX IF NOT EXISTS sessions_by_use ON sessions (last_seen_ms)');
    this.#key = key;
    this.#ttlMs = ttlMs;
    this.#now = now;
    this.#sessionsPerPerson = sessionsPerPerson;
    this.#maxSessions = maxSessions;
    this.#reserve = path === ':memory:' ? null : `${path}.reserve`;
    this.#keepReserve();
  }

  /** A write that may fail on a full disk without changing what the request is told (last use, housekeeping). */
  #bestEffort(what: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!isStorageError(error)) throw error;
      console.error(`Sessions: could not ${what}: ${describeStorageError(error)}`);
    }
  }

  /** Makes a session and returns the id to put in the cookie (the only time the id exists in the clear). */
  create(session: Session): string {
    const id = newSessionId();
    const idHash = hashSessionId(id);
    const now = this.#now();
    const live = this.#db
      .prepare('SELECT count(*) AS live FROM sessions WHERE last_seen_ms >= ?')
      .get(now - this.#ttlMs) as { live: number };
    if (live.live >= this.#maxSessions) throw new SessionLimitReached(this.#maxSessions);
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      this.#insert(idHash, session, now);
      // The person's sessions beyond the limit end, least recently used first.
      this.#db
        .prepare(
          `DELETE FROM sessions WHERE id_hash IN (
             SELECT id_hash FROM sessions WHERE organization_id = ? AND person_id = ?
             ORDER BY last_seen_ms DESC, created_ms DESC LIMIT -1 OFFSET ?)`,
        )
        .run(session.organizationId, session.personId, this.#sessionsPerPerson);
      this.#db.exec('COMMIT');
      this.#keepReserve();
    } catch (error) {
      // SQLite may have rolled back already (a full disk): the error to report is the first one.
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
    return id;
  }

  #insert(idHash: string, session: Session, now: number): void {
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
  }

  /** The live session for a cookie's id, its use noted; null when unknown, expired (then deleted) or unreadable. */
  find(id: string | undefined): Session | null {
    if (!id || id.length > 100) return null;
    const idHash = hashSessionId(id);
    if (this.#ended.has(idHash)) return null;
    // Signed-out sessions the disk kept: their rows are deleted as soon as it lets them go (tried every 5 s).
    if (this.#ended.size > 0 && this.#now() - this.#endedTriedMs > 5000) this.#deleteEnded();
    // Prepared once: this runs for every request in team mode.
    this.#findStatement ??= this.#db.prepare(
      `SELECT token_sealed, person_id, person_name, organization_id, organization_name, last_seen_ms
       FROM sessions WHERE id_hash = ?`,
    );
    const row = this.#findStatement.get(idHash) as SessionRow | undefined;
    if (!row) return null;
    const now = this.#now();
    const token =
      now - row.last_seen_ms > this.#ttlMs ? null : this.#tokenOf(idHash, row.token_sealed);
    if (token === null) {
      this.#tokens.delete(idHash);
      // Expired, or sealed under another INBOX_SESSION_SECRET (it would come back with the old secret): gone.
      this.#bestEffort('delete an ended session', () =>
        this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash),
      );
      return null;
    }
    if (now - row.last_seen_ms > TOUCH_AFTER_MS) {
      // On a full disk the session still works; its last use is written when the disk lets it.
      this.#bestEffort('note a session’s use', () =>
        this.#db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?').run(now, idHash),
      );
    }
    return {
      token,
      personId: row.person_id,
      personName: row.person_name,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
    };
  }

  /** A session's token from its sealed value: decrypted the first time, then from #tokens. */
  #tokenOf(idHash: string, sealed: string): string | null {
    const known = this.#tokens.get(idHash);
    if (known?.sealed === sealed) return known.token;
    const token = decryptToken(this.#key, sealed, idHash);
    if (token === null) return null;
    this.#tokens.set(idHash, { sealed, token });
    if (this.#tokens.size > this.#maxSessions) {
      this.#tokens.delete(this.#tokens.keys().next().value as string);
    }
    return token;
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
      if (this.#ended.has(row.id_hash)) continue;
      const token = decryptToken(this.#key, row.token_sealed, row.id_hash);
      if (token !== null) return token;
    }
    return null;
  }

  /**
   * Ends a session (sign-out, a token Productive refuses). It is over at once, whatever the disk says: when the
   * row cannot be deleted now (a full disk), the session is refused from memory until a later delete succeeds.
   */
  delete(id: string | undefined): void {
    if (!id || id.length > 100) return;
    const idHash = hashSessionId(id);
    this.#ended.add(idHash);
    this.#tokens.delete(idHash);
    this.#deleteEnded();
  }

  #deleteEnded(): void {
    this.#endedTriedMs = this.#now();
    for (const idHash of this.#ended) {
      try {
        this.#deleteRow(idHash);
        this.#ended.delete(idHash);
      } catch (error) {
        if (!isStorageError(error)) throw error;
        console.error(
          `Sessions: a signed-out session is refused from memory until its row can be deleted: ${describeStorageError(error)}`,
        );
        return;
      }
    }
  }

  /**
   * Deletes a session's row. On a full disk the write-ahead log has no room to grow: it is checkpointed into the
   * database and truncated (a delete needs no new pages there), and the delete tried once more.
   */
  #deleteRow(idHash: string): void {
    const remove = () => this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    try {
      remove();
    } catch (error) {
      if (!isStorageError(error) || !this.#reserve || !existsSync(this.#reserve)) throw error;
      // The room kept for this moment: given back to the disk, so the sign-out can be written.
      rmSync(this.#reserve, { force: true });
      remove();
    }
  }

  /** Keeps (or puts back, once the disk has room again) the reserve that lets sign-outs through a full disk. */
  #keepReserve(): void {
    if (!this.#reserve || existsSync(this.#reserve)) return;
    try {
      writeFileSync(this.#reserve, Buffer.alloc(RESERVE_BYTES), { flag: 'wx', mode: 0o600 });
    } catch {
      rmSync(this.#reserve, { force: true });
    }
  }

  /**
   * Removes every session unused for longer than the TTL, and any whose token no longer decrypts (sealed under
   * another INBOX_SESSION_SECRET: it would come back if the old secret did); returns how many.
   */
  purgeExpired(): number {
    this.#deleteEnded();
    const result = this.#db
      .prepare('DELETE FROM sessions WHERE last_seen_ms < ?')
      .run(this.#now() - this.#ttlMs);
    let removed = Number(result.changes);
    const rows = this.#db.prepare('SELECT id_hash, token_sealed FROM sessions').all() as {
      id_hash: string;
      token_sealed: string;
    }[];
    const remove = this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    for (const row of rows) {
      if (decryptToken(this.#key, row.token_sealed, row.id_hash) === null) {
        remove.run(row.id_hash);
        removed++;
      }
    }
    return removed;
  }

  close(): void {
    this.#deleteEnded();
    this.#db.close();
  }
}

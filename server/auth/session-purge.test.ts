/**
 * The timers never end the process: the hourly session purge and the snooze round log a storage failure in one line
 * and run again next time. Without their catch, the first failing run would throw out of the timer (an uncaught
 * exception, the end of the process) and these tests would fail.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { demoOwners } from '../inbox/owners.ts';
import { createSnoozes, SNOOZE_TICK_MS } from '../inbox/snoozes.ts';
import { deriveTokenKey } from './crypto.ts';
import { purgeSessions, SESSION_PURGE_EVERY_MS, startSessionPurge } from './session-purge.ts';
import { SessionStore } from './session-store.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters!';

/** What node:sqlite throws when a write finds the disk full (SQLITE_FULL). */
function diskFull(): Error {
  return Object.assign(new Error('database or disk is full'), {
    code: 'ERR_SQLITE_ERROR',
    errcode: 13,
    errstr: 'database or disk is full',
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the hourly session purge', () => {
  it('logs a full disk in one line at start and every hour, and keeps running', () => {
    vi.useFakeTimers();
    const purgeExpired = vi.fn((): number => {
      throw diskFull();
    });
    const log = vi.fn();
    const stop = startSessionPurge({ purgeExpired }, { log });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenLastCalledWith(
      'Purging expired sessions failed: the disk is full (database or disk is full)',
    );
    expect(() => vi.advanceTimersByTime(3 * SESSION_PURGE_EVERY_MS)).not.toThrow();
    expect(purgeExpired).toHaveBeenCalledTimes(4);
    expect(log).toHaveBeenCalledTimes(4);

    // Once the disk has room again, the next purge goes through and nothing more is logged.
    purgeExpired.mockImplementation(() => 0);
    vi.advanceTimersByTime(SESSION_PURGE_EVERY_MS);
    expect(purgeExpired).toHaveBeenCalledTimes(5);
    expect(log).toHaveBeenCalledTimes(4);
    stop();
    vi.advanceTimersByTime(SESSION_PURGE_EVERY_MS);
    expect(purgeExpired).toHaveBeenCalledTimes(5);
  });

  it('survives a real store whose database is gone', () => {
    const store = new SessionStore({ path: ':memory:', key: deriveTokenKey(SECRET), ttlMs: 1000 });
    store.close();
    const log = vi.fn();
    expect(() => purgeSessions(store, log)).not.toThrow();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/^Purging expired sessions failed: .*not open/);
    expect(log.mock.calls[0]?.[0]).not.toContain('\n');
  });

  it('logs to the console by default', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    purgeSessions({
      purgeExpired: () => {
        throw diskFull();
      },
    });
    expect(error).toHaveBeenCalledWith(
      'Purging expired sessions failed: the disk is full (database or disk is full)',
    );
  });
});

describe('the snooze and mute rounds', () => {
  it('log a failing store and run again at the next tick', async () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = openDatabase(':memory:');
    const snoozes = createSnoozes({ storage: db, owners: demoOwners(db) });
    // The storage fails under the timer: every round's first write (the purge of old records) throws.
    db.close();
    snoozes.start();
    // The same timer runs the snooze round and the mute round: each logs its own failure, once a round.
    const logged = (message: string) =>
      error.mock.calls.filter(([first]) => first === message).length;
    await vi.advanceTimersByTimeAsync(0);
    expect(logged('Waking snoozed notifications failed:')).toBe(1);
    expect(logged('Dismissing muted notifications failed:')).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * SNOOZE_TICK_MS);
    expect(logged('Waking snoozed notifications failed:')).toBe(3);
    expect(logged('Dismissing muted notifications failed:')).toBe(3);
    snoozes.close();
  });
});

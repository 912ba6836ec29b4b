/** The snooze service's idea of now: the system's, or one a test (or an e2e run with INBOX_TEST_CLOCK) moves. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Runs on from the time it was last set (or started at), like a clock that was put forward. */
export class SettableClock implements Clock {
  #offset = 0;
  readonly #base: () => number;

  constructor(base: () => number = Date.now, start?: number) {
    this.#base = base;
    if (start !== undefined) this.set(start);
  }

  now(): number {
    return this.#base() + this.#offset;
  }

  set(ms: number): void {
    this.#offset = ms - this.#base();
  }
}

/**
 * `INBOX_TEST_CLOCK`: unset or empty, no test clock; `1`, a test clock that starts at the real time; an ISO instant
 * with a time zone (`2026-12-02T09:00:00Z`), a test clock that starts there, so that the first snooze round after a
 * start already runs at the test's time, not the machine's. Anything else is refused.
 */
export function parseTestClock(value: string | undefined): { start?: number } | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return null;
  if (text === '1') return {};
  const start = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(start))
    throw new Error(
      `INBOX_TEST_CLOCK must be 1 or an ISO instant with a time zone such as 2026-12-02T09:00:00Z, not "${text.slice(0, 40)}".`,
    );
  return { start };
}

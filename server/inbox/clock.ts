/** The snooze service's idea of now: the system's, or one a test (or an e2e run with INBOX_TEST_CLOCK=1) moves. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Runs on from the time it was last set, like a clock that was put forward. */
export class SettableClock implements Clock {
  #offset = 0;
  readonly #base: () => number;

  constructor(base: () => number = Date.now) {
    this.#base = base;
  }

  now(): number {
    return this.#base() + this.#offset;
  }

  set(ms: number): void {
    this.#offset = ms - this.#base();
  }
}

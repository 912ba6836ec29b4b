/**
 * Snoozing a notification: it is dismissed where it lives (so it leaves Productive's inbox too) and remembered
 * here with its wake time. When the time comes (the server's timer, or the app's next visit, whichever is first)
 * it is undismissed and listed as "back from snooze" until the app acknowledges it. New activity on it while it is
 * snoozed does not wake it: the server dismisses it again and counts the activity.
 */
import { ApiError, notFound } from '../api/errors.ts';
import type { Clock } from './clock.ts';
import type { GatewayOutcome, NotificationGateway } from './notification-gateway.ts';
import type { Snooze, SnoozeStore } from './snooze-store.ts';

/** The farthest ahead a snooze may be set. */
export const MAX_SNOOZE_MS = 365 * 24 * 60 * 60 * 1000;

/** What the app is told of a snooze. */
export interface PublicSnooze {
  id: string;
  state: Snooze['state'];
  wakeAt: string;
  snoozedAt: string;
  wokenAt: string | null;
  newActivityCount: number;
}

export const publicSnooze = (snooze: Snooze): PublicSnooze => ({
  id: snooze.notificationId,
  state: snooze.state,
  wakeAt: new Date(snooze.wakeMs).toISOString(),
  snoozedAt: new Date(snooze.snoozedMs).toISOString(),
  wokenAt: snooze.wokenMs === null ? null : new Date(snooze.wokenMs).toISOString(),
  newActivityCount: snooze.newActivityCount,
});

export interface SnoozeServiceOptions {
  store: SnoozeStore;
  clock: Clock;
  /**
   * How to reach a scope's notifications when no request is at hand (the timer): demo, the database; personal,
   * the server's token; team, the token of any live session of that person. Null: nobody to act for now.
   */
  gatewayFor: (scope: string) => NotificationGateway | null;
  /** How many snoozed or woken notifications of one scope are looked at per round. */
  checksPerTick?: number;
  /** How many due snoozes of one scope are woken per round or visit (the rest on the next). */
  wakesPerRound?: number;
}

export interface TickReport {
  woken: number;
  redismissed: number;
  /** Back-from-snooze marks cleared because the notification was read or dismissed since. */
  settled: number;
  skippedScopes: number;
}

/** An upstream refusal, as the app should see it. */
function refusal(outcome: Extract<GatewayOutcome, { ok: false }>, action: string): ApiError {
  if (outcome.status === 404) return notFound('There is no such notification');
  if (outcome.status === 401) {
    return new ApiError(
      401,
      'unauthenticated',
      'Sign in required',
      'Sign in to snooze notifications',
    );
  }
  if (outcome.status === 429) {
    return new ApiError(
      429,
      'rate_limited',
      'Too Many Requests',
      'Productive is limiting requests; try again',
    );
  }
  if (outcome.status === 504) {
    return new ApiError(
      504,
      'upstream_timeout',
      'Productive Did Not Answer',
      `Productive did not ${action} it in time`,
    );
  }
  return new ApiError(
    502,
    'upstream_error',
    'Productive Error',
    `Productive did not ${action} the notification`,
  );
}

export class SnoozeService {
  readonly #store: SnoozeStore;
  readonly #clock: Clock;
  readonly #gatewayFor: SnoozeServiceOptions['gatewayFor'];
  readonly #checksPerTick: number;
  readonly #wakesPerRound: number;
  #ticking: Promise<TickReport> | null = null;

  constructor({
    store,
    clock,
    gatewayFor,
    checksPerTick = 10,
    wakesPerRound = 25,
  }: SnoozeServiceOptions) {
    this.#store = store;
    this.#clock = clock;
    this.#gatewayFor = gatewayFor;
    this.#checksPerTick = checksPerTick;
    this.#wakesPerRound = wakesPerRound;
  }

  now(): number {
    return this.#clock.now();
  }

  /** This scope's snoozes; any whose time has come are woken first (the app's visit wakes them). */
  async list(scope: string, gateway: NotificationGateway): Promise<PublicSnooze[]> {
    await this.#wakeDue(scope, gateway);
    return this.#store.list(scope).map(publicSnooze);
  }

  /**
   * Remembers when to bring it back, then dismisses it. In this order, a snooze that cannot be written (a full disk)
   * dismisses nothing, and one whose dismiss fails is undone: never a notification dismissed with no way back.
   */
  async schedule(
    scope: string,
    notificationId: string,
    wakeMs: number,
    gateway: NotificationGateway,
  ): Promise<PublicSnooze> {
    const before = this.#store.get(scope, notificationId);
    this.#store.schedule(scope, notificationId, { wakeMs, nowMs: this.now(), lastActionAt: null });
    let outcome: GatewayOutcome;
    try {
      outcome = await gateway.dismiss(notificationId);
    } catch (error) {
      this.#store.restore(scope, notificationId, before);
      throw error;
    }
    if (!outcome.ok) {
      this.#store.restore(scope, notificationId, before);
      throw refusal(outcome, 'dismiss');
    }
    this.#store.noteChecked(scope, notificationId, {
      nowMs: this.now(),
      lastActionAt: outcome.notification.lastActionAt,
      newActivity: false,
    });
    return publicSnooze(this.#store.get(scope, notificationId) as Snooze);
  }

  /** Undo: a scheduled snooze is dropped and the notification undismissed; a woken one just loses its mark. */
  async cancel(
    scope: string,
    notificationId: string,
    gateway: NotificationGateway,
  ): Promise<PublicSnooze> {
    const snooze = this.#store.get(scope, notificationId);
    if (!snooze) throw notFound('This notification is not snoozed');
    if (snooze.state === 'scheduled') {
      const outcome = await gateway.undismiss(notificationId);
      if (!outcome.ok && outcome.status !== 404) throw refusal(outcome, 'undismiss');
    }
    return publicSnooze(this.#store.markCancelled(scope, notificationId, this.now()) as Snooze);
  }

  /** Wake now: undismissed at once and marked "back from snooze". */
  async wake(
    scope: string,
    notificationId: string,
    gateway: NotificationGateway,
  ): Promise<PublicSnooze> {
    const snooze = this.#store.get(scope, notificationId);
    if (!snooze || snooze.state === 'cancelled') throw notFound('This notification is not snoozed');
    if (snooze.state === 'woken') return publicSnooze(snooze);
    const woken = await this.#wakeOne(snooze, gateway);
    if (!woken.ok) throw refusal(woken.outcome, 'undismiss');
    return publicSnooze(woken.snooze);
  }

  /** Clears the "back from snooze" mark (the app did, or the notification was read or dismissed). */
  acknowledge(scope: string, notificationId: string): void {
    this.#store.acknowledge(scope, notificationId);
  }

  /**
   * The server's round: every scope with snoozes, when someone can act for it, has its due snoozes woken and a
   * few of the others looked at for new activity (dismissed again if it brought them back). One round at a time.
   */
  tick(): Promise<TickReport> {
    this.#ticking ??= this.#tick().finally(() => {
      this.#ticking = null;
    });
    return this.#ticking;
  }

  async #tick(): Promise<TickReport> {
    const report: TickReport = { woken: 0, redismissed: 0, settled: 0, skippedScopes: 0 };
    this.#store.purge(this.now());
    for (const scope of this.#store.scopesActive()) {
      const gateway = this.#gatewayFor(scope);
      if (!gateway) {
        report.skippedScopes++;
        continue;
      }
      report.woken += await this.#wakeDue(scope, gateway);
      const checked = await this.#look(scope, gateway);
      report.redismissed += checked.redismissed;
      report.settled += checked.settled;
    }
    return report;
  }

  async #wakeDue(scope: string, gateway: NotificationGateway): Promise<number> {
    let woken = 0;
    for (const snooze of this.#store.due(scope, this.now(), this.#wakesPerRound)) {
      if ((await this.#wakeOne(snooze, gateway)).ok) woken++;
    }
    return woken;
  }

  /** Undismisses and marks it woken. A notification that no longer exists ends its snooze; a failure keeps it for next time. */
  async #wakeOne(
    snooze: Snooze,
    gateway: NotificationGateway,
  ): Promise<
    { ok: true; snooze: Snooze } | { ok: false; outcome: Extract<GatewayOutcome, { ok: false }> }
  > {
    const outcome = await gateway.undismiss(snooze.notificationId);
    if (!outcome.ok) {
      if (outcome.status === 404)
        this.#store.markCancelled(snooze.scope, snooze.notificationId, this.now());
      return { ok: false, outcome };
    }
    return {
      ok: true,
      snooze: this.#store.markWoken(
        snooze.scope,
        snooze.notificationId,
        this.now(),
        outcome.notification.read,
      ) as Snooze,
    };
  }

  /**
   * A look at a few of the scope's notifications. Snoozed: new activity may have brought one back into
   * Productive's inbox; it is dismissed again and the activity counted. Back from snooze: once read or dismissed
   * (here or in Productive), its mark is cleared.
   */
  async #look(scope: string, gateway: NotificationGateway) {
    const counts = { redismissed: 0, settled: 0 };
    for (const snooze of this.#store.toCheck(scope, this.now(), this.#checksPerTick)) {
      const outcome = await gateway.inspect(snooze.notificationId);
      // Undone, woken or acknowledged meanwhile (a request while this round waited): leave it alone.
      const current = this.#store.get(scope, snooze.notificationId);
      if (current?.state !== snooze.state) continue;
      if (!outcome.ok) {
        if (outcome.status !== 404) continue;
        if (snooze.state === 'woken') this.#store.acknowledge(scope, snooze.notificationId);
        else this.#store.markCancelled(scope, snooze.notificationId, this.now());
        continue;
      }
      const { dismissed, read, lastActionAt } = outcome.notification;
      if (snooze.state === 'woken') {
        if (dismissed || (read && snooze.readWhenWoken === false)) {
          this.#store.acknowledge(scope, snooze.notificationId);
          counts.settled++;
        } else {
          this.#store.noteChecked(scope, snooze.notificationId, {
            nowMs: this.now(),
            lastActionAt,
            newActivity: false,
          });
        }
        continue;
      }
      const newActivity =
        lastActionAt !== null &&
        snooze.lastActionAt !== null &&
        lastActionAt !== snooze.lastActionAt;
      if (!dismissed && (await gateway.dismiss(snooze.notificationId)).ok) counts.redismissed++;
      this.#store.noteChecked(scope, snooze.notificationId, {
        nowMs: this.now(),
        lastActionAt,
        newActivity,
      });
    }
    return counts;
  }
}

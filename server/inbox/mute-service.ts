/**
 * Muting: new notifications on a muted item, or in a muted project, are dismissed as they arrive, unless they
 * mention the person (they stay, as GitHub's do). The server looks where it can act (every round, as snoozes are
 * woken, and on the app's visit to GET /api/inbox/mutes); the app also hides them as they arrive, so a muted item
 * shows for a moment at most. Productive's own email and mobile notifications are not affected.
 */
import type { Clock } from './clock.ts';
import type { NotificationGateway, RecentNotification } from './notification-gateway.ts';
import type { Mute, MuteKind, MuteStore } from './mute-store.ts';

/** What the app is told of a mute. */
export interface PublicMute {
  /** `item:task:123` or `project:45`. */
  id: string;
  kind: MuteKind;
  targetType: string;
  targetId: string;
  title: string;
  mutedAt: string;
}

export const muteId = (mute: Pick<Mute, 'kind' | 'targetType' | 'targetId'>) =>
  mute.kind === 'project' ? `project:${mute.targetId}` : `item:${mute.targetType}:${mute.targetId}`;

export const publicMute = (mute: Mute): PublicMute => ({
  id: muteId(mute),
  kind: mute.kind,
  targetType: mute.targetType,
  targetId: mute.targetId,
  title: mute.title,
  mutedAt: new Date(mute.mutedMs).toISOString(),
});

/** How many muted projects of one scope a round looks into (one request each; the rest on the next round). */
const PROJECTS_PER_ROUND = 10;

export class MuteService {
  readonly #store: MuteStore;
  readonly #clock: Clock;
  readonly #gatewayFor: (scope: string) => NotificationGateway | null;
  #projectTurn = 0;

  constructor({
    store,
    clock,
    gatewayFor,
  }: {
    store: MuteStore;
    clock: Clock;
    gatewayFor: (scope: string) => NotificationGateway | null;
  }) {
    this.#store = store;
    this.#clock = clock;
    this.#gatewayFor = gatewayFor;
  }

  /** This scope's mutes; what arrived on them since is dismissed first (the app's visit applies them). */
  async list(scope: string, gateway: NotificationGateway): Promise<PublicMute[]> {
    await this.apply(scope, gateway);
    return this.#store.list(scope).map(publicMute);
  }

  mute(
    scope: string,
    mute: { kind: MuteKind; targetType: string; targetId: string; title: string },
  ): PublicMute {
    return publicMute(this.#store.mute(scope, { ...mute, mutedMs: this.#clock.now() }));
  }

  /** Idempotent: unmuting what is not muted changes nothing. */
  unmute(scope: string, kind: MuteKind, targetType: string, targetId: string): void {
    this.#store.unmute(scope, kind, targetType, targetId);
  }

  /** The server's round: every scope with mutes that someone can act for. Returns how many were dismissed. */
  async tick(): Promise<number> {
    let dismissed = 0;
    for (const scope of this.#store.scopesWithMutes()) {
      const gateway = this.#gatewayFor(scope);
      if (gateway) dismissed += await this.apply(scope, gateway);
    }
    return dismissed;
  }

  /**
   * Dismisses what arrived on this scope's mutes after each was muted, unless it mentions the person; a failure
   * (Productive busy, offline) leaves it for the next round. Returns how many were dismissed.
   */
  async apply(scope: string, gateway: NotificationGateway): Promise<number> {
    if (!gateway.recentUndismissed) return 0;
    const mutes = this.#store.list(scope);
    const items = mutes.filter((mute) => mute.kind === 'item');
    const projects = mutes.filter((mute) => mute.kind === 'project');
    let dismissed = 0;
    if (items.length > 0) {
      const byTarget = new Map(items.map((mute) => [`${mute.targetType}:${mute.targetId}`, mute]));
      const since = Math.min(...items.map((mute) => mute.mutedMs));
      const recent = await gateway.recentUndismissed({ afterMs: since });
      if (recent.ok) {
        for (const notification of recent.notifications) {
          const mute = byTarget.get(`${notification.targetType}:${notification.targetId}`);
          if (mute) dismissed += await this.#dismiss(scope, notification, mute, gateway);
        }
      }
    }
    // A few projects per round, in turn, so that many muted projects cost Productive few requests.
    const start = projects.length > PROJECTS_PER_ROUND ? this.#projectTurn++ % projects.length : 0;
    const turn = [...projects.slice(start), ...projects.slice(0, start)].slice(
      0,
      PROJECTS_PER_ROUND,
    );
    for (const mute of turn) {
      const recent = await gateway.recentUndismissed({
        afterMs: mute.mutedMs,
        projectId: mute.targetId,
      });
      if (!recent.ok) continue;
      for (const notification of recent.notifications) {
        dismissed += await this.#dismiss(scope, notification, mute, gateway);
      }
    }
    return dismissed;
  }

  async #dismiss(
    scope: string,
    notification: RecentNotification,
    mute: Mute,
    gateway: NotificationGateway,
  ): Promise<number> {
    if (notification.mention || notification.lastActionMs <= mute.mutedMs) return 0;
    // Brought back by hand after the round dismissed it: left alone until new activity.
    if (this.#store.dismissedAt(scope, notification.id, notification.lastActionMs)) return 0;
    const outcome = await gateway.dismiss(notification.id);
    if (!outcome.ok) return 0;
    this.#store.noteDismissed(scope, notification.id, notification.lastActionMs);
    return 1;
  }
}

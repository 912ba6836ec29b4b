/**
 * How the snooze service dismisses, undismisses and looks at a notification: the path the app's own actions take.
 * Demo mode writes the demo database; personal and team mode ask Productive with the token of the person whose
 * inbox it is (the proxy's upstream and headers).
 */
import type { Database } from '../db/database.ts';
import { productiveHeaders, type UpstreamCredentials } from '../live/proxy.ts';

export interface NotificationState {
  dismissed: boolean;
  read: boolean;
  lastActionAt: string | null;
}

/** What came of one call: the notification as it is now, or the HTTP status that refused it (502/504: no answer). */
export type GatewayOutcome =
  { ok: true; notification: NotificationState } | { ok: false; status: number };

/** An undismissed notification as the mute round sees it (server/inbox/mute-service.ts). */
export interface RecentNotification {
  id: string;
  targetType: string;
  targetId: string;
  mention: boolean;
  lastActionMs: number;
}

/** Undismissed notifications with activity after `afterMs`, newest first (one page), or why not. */
export type RecentOutcome =
  { ok: true; notifications: RecentNotification[] } | { ok: false; status: number };

export interface NotificationGateway {
  dismiss(id: string): Promise<GatewayOutcome>;
  undismiss(id: string): Promise<GatewayOutcome>;
  inspect(id: string): Promise<GatewayOutcome>;
  /** For mutes: undismissed notifications with activity after afterMs, of one project when given. */
  recentUndismissed?(query: { afterMs: number; projectId?: string }): Promise<RecentOutcome>;
}

/** How many recent notifications one look of the mute round reads (Productive's largest page). */
export const RECENT_PAGE_SIZE = 200;

const readRecent = (item: unknown): RecentNotification | null => {
  const { id, attributes } = (item ?? {}) as { id?: unknown; attributes?: Record<string, unknown> };
  if (!attributes || (typeof id !== 'string' && typeof id !== 'number')) return null;
  const targetId = attributes.target_id;
  const lastActionMs = Date.parse(String(attributes.last_action_at ?? ''));
  if (typeof attributes.target_type !== 'string') return null;
  if (typeof targetId !== 'string' && typeof targetId !== 'number') return null;
  if (!Number.isFinite(lastActionMs)) return null;
  return {
    id: String(id),
    targetType: attributes.target_type.toLowerCase(),
    targetId: String(targetId),
    mention: attributes.mention === true,
    lastActionMs,
  };
};

/** Demo mode: the embedded API's database, as PATCH /notifications/{id}/dismiss|undismiss writes it. */
export function demoGateway(db: Database): NotificationGateway {
  const find = db.prepare('SELECT dismissed, read, last_action_at FROM notifications WHERE id = ?');
  const setDismissed = db.prepare('UPDATE notifications SET dismissed = ? WHERE id = ?');
  const recent = db.prepare(
    `SELECT id, target_type, target_id, mention, last_action_ms FROM notifications
     WHERE dismissed = 0 AND last_action_ms > ? AND (? IS NULL OR project_id = ?)
     ORDER BY last_action_ms DESC, id DESC LIMIT ${RECENT_PAGE_SIZE}`,
  );
  const state = (id: string): GatewayOutcome => {
    const row = find.get(Number(id)) as
      { dismissed: number; read: number; last_action_at: string | null } | undefined;
    return row
      ? {
          ok: true,
          notification: {
            dismissed: row.dismissed === 1,
            read: row.read === 1,
            lastActionAt: row.last_action_at,
          },
        }
      : { ok: false, status: 404 };
  };
  const write = (id: string, dismissed: boolean) => {
    const current = state(id);
    if (current.ok && current.notification.dismissed !== dismissed) {
      setDismissed.run(dismissed ? 1 : 0, Number(id));
    }
    return Promise.resolve(state(id));
  };
  return {
    dismiss: (id) => write(id, true),
    undismiss: (id) => write(id, false),
    inspect: (id) => Promise.resolve(state(id)),
    recentUndismissed: ({ afterMs, projectId }) => {
      const project = projectId === undefined ? null : Number(projectId);
      const rows = recent.all(afterMs, project, project) as {
        id: number;
        target_type: string;
        target_id: number;
        mention: number;
        last_action_ms: number;
      }[];
      return Promise.resolve({
        ok: true,
        notifications: rows.map((row) => ({
          id: String(row.id),
          targetType: row.target_type.toLowerCase(),
          targetId: String(row.target_id),
          mention: row.mention === 1,
          lastActionMs: row.last_action_ms,
        })),
      });
    },
  };
}

export interface LiveGatewayOptions {
  upstream: string;
  credentials: UpstreamCredentials;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** Personal and team mode: Productive's PATCH /notifications/{id}/dismiss|undismiss and GET, with one token. */
export function liveGateway({
  upstream,
  credentials,
  fetch: fetchUpstream = globalThis.fetch,
  timeoutMs = 10_000,
}: LiveGatewayOptions): NotificationGateway {
  const base = upstream.replace(/\/+$/, '');
  const call = async (method: string, path: string): Promise<GatewayOutcome> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchUpstream(`${base}${path}`, {
        method,
        headers: productiveHeaders(credentials),
        redirect: 'manual',
        signal,
      });
      const text = await response.text();
      if (!response.ok) return { ok: false, status: response.status };
      const attributes = (JSON.parse(text) as { data?: { attributes?: Record<string, unknown> } })
        .data?.attributes;
      if (!attributes || typeof attributes.dismissed !== 'boolean')
        return { ok: false, status: 502 };
      const lastActionAt = attributes.last_action_at;
      return {
        ok: true,
        notification: {
          dismissed: attributes.dismissed,
          read: attributes.read === true,
          lastActionAt: typeof lastActionAt === 'string' ? lastActionAt : null,
        },
      };
    } catch {
      return { ok: false, status: signal.aborted ? 504 : 502 };
    }
  };
  return {
    dismiss: (id) => call('PATCH', `/notifications/${id}/dismiss`),
    undismiss: (id) => call('PATCH', `/notifications/${id}/undismiss`),
    inspect: (id) => call('GET', `/notifications/${id}`),
    recentUndismissed: async ({ afterMs, projectId }) => {
      const params = new URLSearchParams({
        'filter[dismissed]': 'false',
        'filter[after]': new Date(afterMs).toISOString(),
        // No sort: Productive's values for notifications are undocumented; its default is newest first.
        'page[size]': String(RECENT_PAGE_SIZE),
      });
      if (projectId !== undefined) params.set('filter[project_id]', projectId);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetchUpstream(`${base}/notifications?${params}`, {
          headers: productiveHeaders(credentials),
          redirect: 'manual',
          signal,
        });
        const text = await response.text();
        if (!response.ok) return { ok: false, status: response.status };
        const data = (JSON.parse(text) as { data?: unknown }).data;
        if (!Array.isArray(data)) return { ok: false, status: 502 };
        const notifications = data
          .map(readRecent)
          .filter((item): item is RecentNotification => item !== null);
        return { ok: true, notifications };
      } catch {
        return { ok: false, status: signal.aborted ? 504 : 502 };
      }
    },
  };
}

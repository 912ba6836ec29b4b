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

export interface NotificationGateway {
  dismiss(id: string): Promise<GatewayOutcome>;
  undismiss(id: string): Promise<GatewayOutcome>;
  inspect(id: string): Promise<GatewayOutcome>;
}

/** Demo mode: the embedded API's database, as PATCH /notifications/{id}/dismiss|undismiss writes it. */
export function demoGateway(db: Database): NotificationGateway {
  const find = db.prepare('SELECT dismissed, read, last_action_at FROM notifications WHERE id = ?');
  const setDismissed = db.prepare('UPDATE notifications SET dismissed = ? WHERE id = ?');
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
  };
}

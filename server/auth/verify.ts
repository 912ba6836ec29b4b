/**
 * Who a token belongs to: `GET /organization_memberships?include=person,organization` against Productive, with the
 * token and organization the person typed. Every refusal says which part was wrong.
 */
import { productiveHeaders } from '../live/proxy.ts';
import { scrubText } from '../live/scrub.ts';
import type { SessionIdentity } from './session-store.ts';

export type VerifyFailure =
  'wrong_token' | 'wrong_organization' | 'rate_limited' | 'unreachable' | 'timeout' | 'unexpected';

export type VerifyResult =
  | { ok: true; identity: SessionIdentity }
  | { ok: false; failure: VerifyFailure; retryAfterSeconds?: number };

export interface VerifyOptions {
  upstream: string;
  token: string;
  organizationId: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

interface Resource {
  type?: unknown;
  id?: unknown;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: { type?: unknown; id?: unknown } | null }>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export async function verifyCredentials({
  upstream,
  token,
  organizationId,
  fetch: fetchUpstream = globalThis.fetch,
  timeoutMs = 10_000,
}: VerifyOptions): Promise<VerifyResult> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetchUpstream(
      `${upstream.replace(/\/+$/, '')}/organization_memberships?include=person,organization`,
      {
        headers: productiveHeaders({ token, organizationId }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      },
    );
    body = response.ok ? await response.json() : undefined;
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, failure: timedOut ? 'timeout' : 'unreachable' };
  }
  if (response.status === 401) return { ok: false, failure: 'wrong_token' };
  if (response.status === 403 || response.status === 404) {
    return { ok: false, failure: 'wrong_organization' };
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      failure: 'rate_limited',
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (!response.ok) return { ok: false, failure: 'unexpected' };
  const identity = identityFrom(body, organizationId);
  if (!identity) return { ok: false, failure: 'wrong_organization' };
  // Names go to the page: whatever Productive answers, the token is never among them.
  return {
    ok: true,
    identity: {
      ...identity,
      personName: scrubText(identity.personName, token),
      organizationName: scrubText(identity.organizationName, token),
    },
  };
}

/** The membership in the asked organization, with its person's and organization's names. */
export function identityFrom(body: unknown, organizationId: string): SessionIdentity | null {
  const document = body as { data?: unknown; included?: unknown } | null;
  const memberships = Array.isArray(document?.data) ? (document.data as Resource[]) : [];
  const included = Array.isArray(document?.included) ? (document.included as Resource[]) : [];
  const find = (type: string, id: unknown) =>
    included.find((resource) => resource.type === type && String(resource.id) === String(id));
  for (const membership of memberships) {
    const organization = membership.relationships?.organization?.data;
    const person = membership.relationships?.person?.data;
    if (!organization || String(organization.id) !== organizationId || !person?.id) continue;
    const personRecord = find('people', person.id);
    const organizationRecord = find('organizations', organization.id);
    const personName =
      [text(personRecord?.attributes?.first_name), text(personRecord?.attributes?.last_name)]
        .filter(Boolean)
        .join(' ') || `Person ${String(person.id)}`;
    return {
      personId: String(person.id),
      personName: personName.slice(0, 200),
      organizationId,
      organizationName: (
        text(organizationRecord?.attributes?.name) || `Organization ${organizationId}`
      ).slice(0, 200),
    };
  }
  return null;
}

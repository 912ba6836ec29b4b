/**
 * Who a token belongs to: `GET /organization_memberships?include=person,organization` against Productive with the
 * token only, as Productive's own CLI and Ruby client ask (no `X-Organization-Id`): the answer lists the token's
 * memberships in every organization, and the one in the organization the person typed is chosen. Every refusal
 * says which part was wrong; a token with no membership there is told which organizations it does have.
 */
import { scrubText } from '../live/scrub.ts';
import type { SessionIdentity } from './session-store.ts';

export type VerifyFailure =
  'wrong_token' | 'wrong_organization' | 'rate_limited' | 'unreachable' | 'timeout' | 'unexpected';

/** An organization the token does belong to, named in the refusal of another. */
export interface TokenOrganization {
  id: string;
  name: string;
}

export type VerifyResult =
  | { ok: true; identity: SessionIdentity }
  | {
      ok: false;
      failure: VerifyFailure;
      retryAfterSeconds?: number;
      /** wrong_organization: where this token has memberships (at most 5). */
      organizations?: TokenOrganization[];
    };

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
        // The token alone: Productive's clients leave the organization off this one request.
        headers: {
          Accept: 'application/vnd.api+json',
          'Content-Type': 'application/vnd.api+json',
          'X-Auth-Token': token,
        },
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
  if (!identity) {
    const organizations = organizationsOf(body).map((organization) => ({
      id: organization.id,
      name: scrubText(organization.name, token),
    }));
    return {
      ok: false,
      failure: 'wrong_organization',
      ...(organizations.length ? { organizations } : {}),
    };
  }
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

/** The organizations a membership list names, with their names where included (at most 5, names cut to 100). */
export function organizationsOf(body: unknown): TokenOrganization[] {
  const document = body as { data?: unknown; included?: unknown } | null;
  const memberships = Array.isArray(document?.data) ? (document.data as Resource[]) : [];
  const included = Array.isArray(document?.included) ? (document.included as Resource[]) : [];
  const found = new Map<string, string>();
  for (const membership of memberships) {
    const id = membership.relationships?.organization?.data?.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d{1,18}$/.test(String(id)))
      continue;
    if (found.has(String(id)) || found.size >= 5) continue;
    const record = included.find(
      (resource) => resource.type === 'organizations' && String(resource.id) === String(id),
    );
    found.set(String(id), (text(record?.attributes?.name) || `Organization ${id}`).slice(0, 100));
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

import { apiRequest } from './http.ts';
import {
  attribute,
  hasMorePages,
  parseRecords,
  readCollection,
  type ResourceObject,
} from './jsonapi.ts';

export interface Person {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export function parsePerson(resource: ResourceObject): Person {
  const name =
    `${attribute.string(resource, 'first_name').trim()} ${attribute.string(resource, 'last_name').trim()}`.trim();
  const avatarUrl = attribute.nullableString(resource, 'avatar_url');
  return {
    id: resource.id,
    name: name || 'Someone',
    avatarUrl: avatarUrl && /^https:\/\//.test(avatarUrl) ? avatarUrl : null,
  };
}

export const PEOPLE_PAGE_SIZE = 200;
/** A bound on pages read (40,000 people), so that an API that never ends a list cannot keep the app asking. */
export const PEOPLE_MAX_PAGES = 200;

/** Productive's `person_type`: 1 user, 2 contact, 3 placeholder. */
const USER = 1;

/**
 * Whether a person can be mentioned: an active user. `filter[status]=1` asks Productive for active people; contacts,
 * placeholders, deactivated and archived people are left out here too, in case the filter is not applied.
 */
function isMentionable(resource: ResourceObject): boolean {
  if (
    attribute.nullableString(resource, 'deactivated_at') ||
    attribute.nullableString(resource, 'archived_at')
  )
    return false;
  const type = attribute.nullableNumber(resource, 'person_type');
  if (type !== null && type !== USER) return false;
  return resource.attributes.is_user !== false;
}

/**
 * The people a reply can mention: every active user of the organization, all pages of them (Productive's own
 * organization has more than 2,000 people). Filtered as you type on the device; the list changes rarely.
 */
export async function getPeople(signal?: AbortSignal): Promise<Person[]> {
  const people: Person[] = [];
  for (let page = 1; page <= PEOPLE_MAX_PAGES; page++) {
    const params = new URLSearchParams({
      'filter[status]': '1',
      'page[number]': String(page),
      'page[size]': String(PEOPLE_PAGE_SIZE),
    });
    const document = readCollection(await apiRequest('/people', { params, signal }), 'people');
    const { items } = parseRecords(
      document,
      (resource) => (isMentionable(resource) ? parsePerson(resource) : null),
      'people',
    );
    for (const person of items) if (person) people.push(person);
    if (!hasMorePages(document, page, PEOPLE_PAGE_SIZE)) break;
  }
  return people;
}

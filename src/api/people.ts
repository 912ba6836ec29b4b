import { apiRequest } from './http.ts';
import { attribute, readCollection, type ResourceObject } from './jsonapi.ts';

export interface Person {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export function parsePerson(resource: ResourceObject): Person {
  const name =
    `${attribute.string(resource, 'first_name')} ${attribute.string(resource, 'last_name')}`.trim();
  const avatarUrl = attribute.nullableString(resource, 'avatar_url');
  return {
    id: resource.id,
    name: name || 'Someone',
    avatarUrl: avatarUrl && /^https:\/\//.test(avatarUrl) ? avatarUrl : null,
  };
}

/**
 * The people a reply can mention: everyone in the organization who is neither deactivated nor archived, following
 * pages (at most 10 of 200). Filtered as you type on the device; the list is small and changes rarely.
 */
export async function getPeople(signal?: AbortSignal): Promise<Person[]> {
  const people: Person[] = [];
  for (let page = 1; page <= 10; page++) {
    const params = new URLSearchParams({ 'page[number]': String(page), 'page[size]': '200' });
    const document = readCollection(await apiRequest('/people', { params, signal }), 'people');
    for (const resource of document.data) {
      if (
        attribute.nullableString(resource, 'deactivated_at') ||
        attribute.nullableString(resource, 'archived_at')
      )
        continue;
      people.push(parsePerson(resource));
    }
    if (typeof document.links.next !== 'string') break;
  }
  return people;
}

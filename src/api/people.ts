import { attribute, type ResourceObject } from './jsonapi.ts';

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

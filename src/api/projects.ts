import { apiRequest } from './http.ts';
import {
  attribute,
  hasMorePages,
  MalformedResponseError,
  parseRecords,
  readCollection,
  type ResourceObject,
} from './jsonapi.ts';

export interface Project {
  id: number;
  name: string;
  /** Absent on lists cached before archived projects were told apart. */
  archived?: boolean;
}

/** Productive's `filter[status]` on projects: 1 active, 2 archived. */
export type ProjectStatus = 'active' | 'archived';
const STATUS: Record<ProjectStatus, string> = { active: '1', archived: '2' };

export const PROJECT_PAGE_SIZE = 200;
/** A bound on pages read (40,000 projects), so that an API that never ends a list cannot keep the app asking. */
export const PROJECT_MAX_PAGES = 200;

export function parseProject(resource: ResourceObject): Project {
  const id = Number(resource.id);
  if (!Number.isSafeInteger(id))
    throw new MalformedResponseError(`project id ${resource.id} is not a number`);
  return {
    id,
    // Real names come with leading spaces (" blask").
    name: attribute.string(resource, 'name').trim() || `Project ${resource.id}`,
    archived: !!attribute.nullableString(resource, 'archived_at'),
  };
}

/**
 * The projects of one status the user can see, every page of them: active ones for the project filter, archived
 * ones only when "Show archived" asks (unfiltered, Productive returns both).
 */
export async function getProjects(
  signal?: AbortSignal,
  status: ProjectStatus = 'active',
): Promise<Project[]> {
  const projects: Project[] = [];
  for (let page = 1; page <= PROJECT_MAX_PAGES; page++) {
    const params = new URLSearchParams({
      'filter[status]': STATUS[status],
      'page[number]': String(page),
      'page[size]': String(PROJECT_PAGE_SIZE),
    });
    const document = readCollection(await apiRequest('/projects', { params, signal }), 'projects');
    const { items } = parseRecords(
      document,
      (resource) => ({ ...parseProject(resource), archived: status === 'archived' }),
      'projects',
    );
    projects.push(...items);
    if (!hasMorePages(document, page, PROJECT_PAGE_SIZE)) break;
  }
  return projects;
}

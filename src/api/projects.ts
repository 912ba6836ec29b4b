import { apiRequest } from './http.ts';
import { attribute, readCollection } from './jsonapi.ts';

export interface Project {
  id: number;
  name: string;
}

/** Every project the user can see, following pages (at most 10 of 200). */
export async function getProjects(signal?: AbortSignal): Promise<Project[]> {
  const projects: Project[] = [];
  for (let page = 1; page <= 10; page++) {
    const params = new URLSearchParams({ 'page[number]': String(page), 'page[size]': '200' });
    const document = readCollection(await apiRequest('/projects', { params, signal }), 'projects');
    projects.push(
      ...document.data.map((resource) => ({
        id: Number(resource.id),
        name: attribute.string(resource, 'name', `Project ${resource.id}`),
      })),
    );
    if (typeof document.links.next !== 'string') break;
  }
  return projects;
}

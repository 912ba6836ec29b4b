import { apiRequest } from './http.ts';
import { attribute, readSingle, related, type ResourceObject } from './jsonapi.ts';

export interface Task {
  id: string;
  title: string;
  number: string;
  closed: boolean;
  dueDate: string | null;
  projectName: string | null;
  statusName: string | null;
}

export function parseTask(data: ResourceObject, included: Map<string, ResourceObject>): Task {
  const project = related(data, 'project', included);
  const status = related(data, 'workflow_status', included);
  const number = data.attributes.task_number ?? data.attributes.number;
  return {
    id: data.id,
    title: attribute.string(data, 'title').trim() || 'Untitled task',
    number: typeof number === 'string' || typeof number === 'number' ? String(number) : '',
    closed: attribute.boolean(data, 'closed'),
    dueDate: attribute.nullableString(data, 'due_date'),
    projectName: project ? attribute.string(project, 'name').trim() || null : null,
    statusName: status ? attribute.string(status, 'name').trim() || null : null,
  };
}

export async function getTask(id: string, signal?: AbortSignal): Promise<Task> {
  const params = new URLSearchParams({ include: 'project,workflow_status' });
  const { data, included } = readSingle(
    await apiRequest(`/tasks/${encodeURIComponent(id)}`, { params, signal }),
    'tasks',
  );
  return parseTask(data, included);
}

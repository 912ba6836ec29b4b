import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { listHandler, showHandler, type ResourceDefinition } from './handlers.ts';
import { serializePerson, serializeProject, serializeTask } from './serializers.ts';

const ids = { id: { kind: 'ids', column: 'id' } } as const;

/** The read-only resources the UI needs to name things. */
const definitions: Record<string, ResourceDefinition> = {
  projects: {
    table: 'projects',
    orders: { '': 'name ASC, id ASC' },
    spec: { filters: ids, includes: ['project_manager'], sorts: [], defaultSort: '' },
    serialize: serializeProject,
  },
  people: {
    table: 'people',
    orders: { '': 'first_name ASC, last_name ASC, id ASC' },
    spec: { filters: ids, includes: [], sorts: [], defaultSort: '' },
    serialize: serializePerson,
  },
  tasks: {
    table: 'tasks',
    orders: { '': 'id ASC' },
    spec: {
      filters: { ...ids, project_id: { kind: 'ids', column: 'project_id' } },
      includes: ['project', 'creator', 'assignee', 'workflow_status'],
      sorts: [],
      defaultSort: '',
    },
    serialize: serializeTask,
  },
};

export function resourceRoutes(db: Database): Hono {
  const routes = new Hono();
  for (const [path, definition] of Object.entries(definitions)) {
    routes.get(`/${path}`, listHandler(db, definition));
    routes.get(`/${path}/:id`, showHandler(db, definition));
  }
  return routes;
}

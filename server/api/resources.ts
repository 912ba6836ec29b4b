import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { listHandler, showHandler, type ResourceDefinition } from './handlers.ts';
import { invalidValue, type FilterSpec } from './query.ts';
import { serializePerson, serializeProject, serializeTask } from './serializers.ts';

const ids = { id: { kind: 'ids', column: 'id' } } as const;

/** Productive's `filter[status]`: 1 active, 2 archived (people: deactivated or archived). */
const status = (inactive: string): FilterSpec => ({
  kind: 'custom',
  parse: (values, parameter) => {
    const wanted = new Set(
      values.map((value) => {
        if (value !== '1' && value !== '2') throw invalidValue(parameter, value);
        return value;
      }),
    );
    if (wanted.size === 2) return { sql: '1 = 1', params: [] };
    return { sql: wanted.has('1') ? `NOT (${inactive})` : inactive, params: [] };
  },
});

/** The read-only resources the UI needs to name things. */
const definitions: Record<string, ResourceDefinition> = {
  projects: {
    table: 'projects',
    orders: { '': 'name ASC, id ASC' },
    spec: {
      filters: { ...ids, status: status('archived_at IS NOT NULL') },
      includes: ['project_manager'],
      sorts: [],
      defaultSort: '',
    },
    serialize: serializeProject,
  },
  people: {
    table: 'people',
    orders: { '': 'first_name ASC, last_name ASC, id ASC' },
    spec: {
      filters: { ...ids, status: status('deactivated_at IS NOT NULL OR archived_at IS NOT NULL') },
      includes: [],
      sorts: [],
      defaultSort: '',
    },
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

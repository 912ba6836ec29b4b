import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { listHandler, showHandler, type ResourceDefinition } from './handlers.ts';
import { invalidValue, type FilterSpec } from './query.ts';
import { serializePerson, serializeProject, serializeTask } from './serializers.ts';

const ids = { id: { kind: 'ids', column: 'id' } } as const;

/**
 * `filter[status]` as Productive spells it: 1 active, 2 archived (projects) or deactivated (people). Unfiltered,
 * both lists hold everyone and everything, as Productive's do.
 */
const status = (active: string, inactive: string): FilterSpec => ({
  kind: 'custom',
  parse: (values, parameter) => {
    const [value] = values;
    if (values.length !== 1 || (value !== '1' && value !== '2')) {
      throw invalidValue(parameter, values.join(','));
    }
    return { sql: value === '1' ? active : inactive, params: [] };
  },
});

/** The read-only resources the UI needs to name things. */
const definitions: Record<string, ResourceDefinition> = {
  projects: {
    table: 'projects',
    orders: { '': 'name ASC, id ASC' },
    spec: {
      filters: { ...ids, status: status('archived_at IS NULL', 'archived_at IS NOT NULL') },
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
      filters: {
        ...ids,
        status: status(
          'deactivated_at IS NULL AND archived_at IS NULL',
          '(deactivated_at IS NOT NULL OR archived_at IS NOT NULL)',
        ),
      },
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

import { ORGANIZATION_ID } from '../seed/generate.ts';
import type { ResourceObject } from './document.ts';

type Row = Record<string, unknown>;
const organization = { data: { type: 'organizations', id: String(ORGANIZATION_ID) } };
const notIncluded = { meta: { included: false } };
const bool = (value: unknown) => value === 1 || value === true;

export function serializePerson(row: Row): ResourceObject {
  return {
    id: String(row.id),
    type: 'people',
    attributes: {
      first_name: row.first_name,
      last_name: row.last_name,
      name: `${row.first_name} ${row.last_name}`,
      email: row.email,
      title: row.title,
      avatar_url: row.avatar_url,
      deactivated_at: row.deactivated_at,
      archived_at: row.archived_at,
    },
    relationships: { organization },
  };
}

export function serializeWorkflowStatus(row: Row): ResourceObject {
  return {
    id: String(row.id),
    type: 'workflow_statuses',
    attributes: { name: row.name, color_id: row.color_id, category_id: row.category_id },
    relationships: { organization },
  };
}

export function serializeComment(row: Row): ResourceObject {
  return {
    id: String(row.id),
    type: 'comments',
    attributes: {
      body: row.body,
      created_at: row.created_at,
      edited_at: row.edited_at,
      deleted_at: row.deleted_at,
      pinned_at: row.pinned_at,
      reactions: {},
    },
    relationships: { organization, creator: notIncluded, task: notIncluded },
  };
}

export function serializeEmail(row: Row): ResourceObject {
  return {
    id: String(row.id),
    type: 'emails',
    attributes: {
      subject: row.subject,
      body: row.body,
      from: { name: row.from_name, address: row.from_address },
      created_at: row.created_at,
    },
    relationships: { organization },
  };
}

export function serializeAttachment(row: Row): ResourceObject {
  return {
    id: String(row.id),
    type: 'attachments',
    attributes: {
      name: row.name,
      content_type: row.content_type,
      size: row.size,
      url: null,
      created_at: row.created_at,
    },
    relationships: { organization },
  };
}

export function serializeProject(row: Row, include = new Set<string>()): ResourceObject {
  return {
    id: String(row.id),
    type: 'projects',
    attributes: {
      name: row.name,
      project_number: row.project_number,
      archived_at: row.archived_at,
    },
    relationships: {
      organization,
      company: notIncluded,
      project_manager: include.has('project_manager')
        ? { data: { type: 'people', id: String(row.project_manager_id) } }
        : notIncluded,
    },
  };
}

export function serializeTask(row: Row, include = new Set<string>()): ResourceObject {
  const related = (name: string, type: string, id: unknown) =>
    include.has(name) ? { data: id == null ? null : { type, id: String(id) } } : notIncluded;
  return {
    id: String(row.id),
    type: 'tasks',
    attributes: {
      title: row.title,
      number: row.number,
      task_number: String(row.number),
      description: row.description,
      closed: bool(row.closed),
      due_date: row.due_date,
      created_at: row.created_at,
      last_activity_at: row.last_activity_at,
    },
    relationships: {
      organization,
      project: related('project', 'projects', row.project_id),
      creator: related('creator', 'people', row.creator_id),
      assignee: related('assignee', 'people', row.assignee_id),
      workflow_status: related('workflow_status', 'workflow_statuses', row.workflow_status_id),
      task_list: notIncluded,
      parent_task: notIncluded,
    },
  };
}

/** Serializers of the records that can arrive in `included`, by JSON:API type. */
export const serializers: Record<
  string,
  { table: string; serialize: (row: Row) => ResourceObject }
> = {
  people: { table: 'people', serialize: serializePerson },
  projects: { table: 'projects', serialize: (row) => serializeProject(row) },
  workflow_statuses: { table: 'workflow_statuses', serialize: serializeWorkflowStatus },
  comments: { table: 'comments', serialize: serializeComment },
  emails: { table: 'emails', serialize: serializeEmail },
  attachments: { table: 'attachments', serialize: serializeAttachment },
};

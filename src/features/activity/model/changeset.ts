import type { ChangesetEntry } from '../../../api/activities.ts';
import { formatDate } from '../../../lib/dates.ts';

const LABELS: Record<string, string> = {
  workflow_status: 'Status',
  assignee: 'Assignee',
  due_date: 'Due date',
  start_date: 'Start date',
  task_list: 'Task list',
  initial_estimate: 'Estimate',
  tag_list: 'Tags',
  closed: 'Closed',
  closed_at: 'Closed at',
  deleted_at: 'Deleted',
  private: 'Private',
  name: 'Name',
  title: 'Title',
  description: 'Description',
  currency: 'Currency',
  probability: 'Probability',
  body: 'Content',
};

/** A field name as a label: known ones by name, the rest from snake_case to "Sentence case". */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field
    .replace(/_id$/, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Field';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_LENGTH = 200;

const clip = (text: string) => (text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text);

/** One changeset value in words: null is "none", `{value}` and `{value, id}` their value, lists joined. */
export function formatValue(value: unknown, field = ''): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (field.includes('estimate') || field.endsWith('_time'))
      return `${Math.floor(value / 60)}h${value % 60 ? ` ${value % 60}m` : ''}`;
    return String(value);
  }
  if (typeof value === 'string') {
    if (DATE.test(value)) return formatDate(value, false);
    if (DATE_TIME.test(value)) return formatDate(value, true);
    return clip(value.replace(/<[^>]*>/g, ''));
  }
  if (Array.isArray(value))
    return value.length ? clip(value.map((item) => formatValue(item, field)).join(', ')) : 'none';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('value' in record) return formatValue(record.value, field);
    if ('name' in record) return formatValue(record.name, field);
    return clip(JSON.stringify(record));
  }
  return clip(String(value));
}

export interface ChangeLine {
  label: string;
  from: string;
  to: string;
}

export function describeChange(entry: ChangesetEntry): ChangeLine {
  return {
    label: fieldLabel(entry.field),
    from: formatValue(entry.from, entry.field),
    to: formatValue(entry.to, entry.field),
  };
}

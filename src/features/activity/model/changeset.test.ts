import { describe, expect, it } from 'vitest';
import { describeChange, fieldLabel, formatValue } from './changeset.ts';

const thisYear = new Date().getFullYear();

describe('changesets as readable diffs', () => {
  it('turns field names into labels', () => {
    expect(fieldLabel('workflow_status')).toBe('Status');
    expect(fieldLabel('due_date')).toBe('Due date');
    expect(fieldLabel('custom_field_42')).toBe('Custom field 42');
    expect(fieldLabel('parent_task_id')).toBe('Parent task');
    expect(fieldLabel('billableTime')).toBe('Billable time');
    expect(fieldLabel('')).toBe('Field');
  });

  it('renders every value shape the API sends', () => {
    expect(
      describeChange({ field: 'title', from: { value: 'test' }, to: { value: 'test 1 1 11' } }),
    ).toEqual({ label: 'Title', from: 'test', to: 'test 1 1 11' });
    expect(
      describeChange({
        field: 'task_list',
        from: { value: 'Folder: Factory' },
        to: { value: 'Folder: Bugs' },
      }),
    ).toEqual({ label: 'Task list', from: 'Folder: Factory', to: 'Folder: Bugs' });
    expect(describeChange({ field: 'name', from: null, to: 'SLA Basic' })).toEqual({
      label: 'Name',
      from: 'none',
      to: 'SLA Basic',
    });
    expect(
      describeChange({
        field: 'currency',
        from: { value: 'USD', id: 1 },
        to: { value: 'EUR', id: 2 },
      }),
    ).toEqual({ label: 'Currency', from: 'USD', to: 'EUR' });
    expect(
      describeChange({
        field: 'workflow_status',
        from: { value: 'Open', id: 1 },
        to: { value: 'Closed', id: 4 },
      }),
    ).toEqual({ label: 'Status', from: 'Open', to: 'Closed' });
    expect(
      describeChange({
        field: 'assignee',
        from: { value: 'Ana', id: 1 },
        to: { value: 'Marko', id: 2 },
      }),
    ).toEqual({ label: 'Assignee', from: 'Ana', to: 'Marko' });
    expect(describeChange({ field: 'closed', from: false, to: true })).toEqual({
      label: 'Closed',
      from: 'no',
      to: 'yes',
    });
    expect(
      describeChange({ field: 'tag_list', from: ['design'], to: ['design', 'urgent'] }),
    ).toEqual({ label: 'Tags', from: 'design', to: 'design, urgent' });
    expect(describeChange({ field: 'tag_list', from: [], to: ['a'] }).from).toBe('none');
    expect(describeChange({ field: 'initial_estimate', from: null, to: 150 })).toEqual({
      label: 'Estimate',
      from: 'none',
      to: '2h 30m',
    });
    expect(describeChange({ field: 'probability', from: 40, to: 70 })).toEqual({
      label: 'Probability',
      from: '40',
      to: '70',
    });
  });

  it('formats dates as days', () => {
    expect(formatValue(`${thisYear}-12-12`)).toBe('Dec 12');
    expect(describeChange({ field: 'due_date', from: null, to: `${thisYear}-12-12` })).toEqual({
      label: 'Due date',
      from: 'none',
      to: 'Dec 12',
    });
    expect(formatValue('2019-03-01')).toBe('Mar 1, 2019');
    expect(formatValue(`${thisYear}-03-01T10:30:00.000+00:00`)).toMatch(/^Mar 1/);
  });

  it('never shows markup or huge values raw', () => {
    expect(formatValue('<img src=x onerror=alert(1)>hello')).toBe('hello');
    expect(formatValue('x'.repeat(1000)).length).toBeLessThanOrEqual(201);
    expect(formatValue({ unexpected: { nested: true } })).toBe('{"unexpected":{"nested":true}}');
    expect(formatValue(undefined)).toBe('none');
    expect(formatValue({ value: null, id: 3 })).toBe('none');
  });
});

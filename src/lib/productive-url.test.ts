import { describe, expect, it } from 'vitest';
import { PRODUCTIVE_HOME, productiveUrl } from './productive-url.ts';

const acme = { id: 1234, slug: 'acme-agency' };

describe('addresses in Productive', () => {
  it('links a task, and a todo through its task, where the organization id and slug are known', () => {
    expect(productiveUrl(acme, { type: 'task', id: 55 })).toBe(
      'https://app.productive.io/1234-acme-agency/tasks/task/55',
    );
    expect(productiveUrl(acme, { type: 'Todo', id: 9, parentType: 'task', parentId: 55 })).toBe(
      'https://app.productive.io/1234-acme-agency/tasks/task/55',
    );
  });

  it('falls back to the home page for every form it does not know', () => {
    for (const type of [
      'deal',
      'discussion',
      'page',
      'invoice',
      'company',
      'person',
      'booking',
      'project',
      'x',
    ])
      expect(productiveUrl(acme, { type, id: 5 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl(acme, { type: 'todo', id: 9, parentType: 'project', parentId: 1 })).toBe(
      PRODUCTIVE_HOME,
    );
  });

  it('falls back to the home page without an organization slug, or with one that is not safe in a path', () => {
    expect(productiveUrl(1, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl('1', { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl(null, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    for (const slug of ['', '../x', 'a/b', 'Acme', 'a b', '-a', 'a?x=1'])
      expect(productiveUrl({ id: 1, slug }, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl({ id: '0', slug: 'a' }, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl(acme, { type: 'task', id: -1 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl(acme, { type: 'task', id: 1.5 })).toBe(PRODUCTIVE_HOME);
  });
});

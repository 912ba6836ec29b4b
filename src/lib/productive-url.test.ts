import { describe, expect, it } from 'vitest';
import { isDeepLink, PRODUCTIVE_HOME, productiveUrl } from './productive-url.ts';

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

  it('links a task by the organization id alone where no slug is known (personal and team mode)', () => {
    expect(productiveUrl(1234, { type: 'task', id: 55 })).toBe(
      'https://app.productive.io/1234/tasks/55',
    );
    expect(productiveUrl({ id: '1234' }, { type: 'Task', id: 55 })).toBe(
      'https://app.productive.io/1234/tasks/55',
    );
    expect(
      productiveUrl(
        { id: '1234', slug: null },
        { type: 'todo', id: 9, parentType: 'Task', parentId: 55 },
      ),
    ).toBe('https://app.productive.io/1234/tasks/55');
    expect(productiveUrl({ id: '1234' }, { type: 'deal', id: 5 })).toBe(PRODUCTIVE_HOME);
    expect(isDeepLink(productiveUrl(1234, { type: 'task', id: 55 }))).toBe(true);
    expect(isDeepLink(productiveUrl(null, { type: 'task', id: 55 }))).toBe(false);
  });

  it('falls back to the home page without an organization, or with an id or slug not safe in a path', () => {
    expect(productiveUrl(null, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl('1/../x', { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    for (const slug of ['', '../x', 'a/b', 'Acme', 'a b', '-a', 'a?x=1'])
      expect(productiveUrl({ id: 1, slug }, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl({ id: '0', slug: 'a' }, { type: 'task', id: 55 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl(acme, { type: 'task', id: -1 })).toBe(PRODUCTIVE_HOME);
    expect(productiveUrl(acme, { type: 'task', id: 1.5 })).toBe(PRODUCTIVE_HOME);
  });
});

import { describe, expect, it } from 'vitest';
import {
  applicableFilters,
  filtersToSearchParams,
  hasFilters,
  hrefFor,
  NO_FILTERS,
  parseFilters,
  toNotificationQuery,
} from './filters.ts';

const parse = (search: string) => parseFilters(new URLSearchParams(search));

describe('filters in the URL', () => {
  it('round-trips every filter', () => {
    const search =
      'project=3,5&type=task,todo&importance=important&after=2026-11-01&before=2026-11-20&read=unread&q=Ana+N%C3%BA%C3%B1ez&group=project';
    const { filters, ignored } = parse(search);
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      projectIds: [3, 5],
      types: ['task', 'todo'],
      importance: 'important',
      after: '2026-11-01',
      before: '2026-11-20',
      read: 'unread',
      search: 'Ana Núñez',
      group: 'project',
    });
    expect(filtersToSearchParams(filters).toString()).toBe(new URLSearchParams(search).toString());
    expect(parse(filtersToSearchParams(filters).toString()).filters).toEqual(filters);
  });

  it('names a grouping it does not know, keeps day out of the address, and is not a filter', () => {
    expect(parse('group=week').ignored).toEqual(['group=week']);
    expect(filtersToSearchParams({ ...NO_FILTERS, group: 'day' }).toString()).toBe('');
    expect(hasFilters({ ...NO_FILTERS, group: 'project' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, search: 'login' })).toBe(true);
    expect(parse(`q=${'a'.repeat(500)}`).filters.search).toHaveLength(200);
  });

  it('no filters is an empty query string', () => {
    expect(parse('').filters).toEqual(NO_FILTERS);
    expect(hrefFor('inbox', NO_FILTERS)).toBe('/');
    expect(hrefFor('dismissed', { ...NO_FILTERS, types: ['deal'] })).toBe('/dismissed?type=deal');
  });

  it('ignores invalid values and names them, keeping the valid ones', () => {
    const { filters, ignored } = parse(
      'project=abc,4&type=Task,spaceship&importance=very&after=2026-02-30&before=tomorrow&read=maybe&utm=x',
    );
    expect(filters).toEqual({ ...NO_FILTERS, projectIds: [4], types: ['task'] });
    expect(ignored).toEqual([
      'project=abc',
      'type=spaceship',
      'importance=very',
      'after=2026-02-30',
      'before=tomorrow',
      'read=maybe',
      'utm=x',
    ]);
  });

  it('drops an end date before the start date', () => {
    const { filters, ignored } = parse('after=2026-11-10&before=2026-11-01');
    expect(filters.after).toBe('2026-11-10');
    expect(filters.before).toBeNull();
    expect(ignored).toEqual(['before=2026-11-01']);
  });

  it('survives hostile input', () => {
    for (const search of [
      'project=%00',
      'type=<script>',
      `project=${'9'.repeat(500)}`,
      'after=0000-00-00',
      '%%%',
      '&&&=&',
    ]) {
      expect(() => parse(search)).not.toThrow();
    }
    expect(parse(`type=${'x'.repeat(500)}`).ignored[0]?.length).toBeLessThan(60);
  });
});

describe('what the server is asked', () => {
  it('combines the view and the filters; whole days become instants in the local zone', () => {
    const { filters } = parse(
      'project=5,3&type=todo&importance=normal&after=2026-11-01&before=2026-11-02',
    );
    const query = toNotificationQuery('inbox', filters);
    expect(query).toMatchObject({
      dismissed: false,
      projectIds: [3, 5],
      types: ['todo'],
      important: false,
    });
    expect(Date.parse(query.after as string)).toBe(new Date(2026, 10, 1).getTime());
    expect(Date.parse(query.before as string)).toBe(new Date(2026, 10, 3).getTime());
    expect(toNotificationQuery('dismissed', NO_FILTERS)).toEqual({ dismissed: true });
    expect(toNotificationQuery('mentions', NO_FILTERS)).toEqual({
      dismissed: false,
      mention: true,
    });
    expect(toNotificationQuery('important', { ...NO_FILTERS, importance: 'normal' })).toEqual({
      dismissed: false,
      important: true,
    });
  });

  it('the read filter is not sent: the API has none', () => {
    expect(toNotificationQuery('inbox', { ...NO_FILTERS, read: 'unread' })).toEqual({
      dismissed: false,
    });
  });
});

describe('the filters a view applies', () => {
  const filters = { ...NO_FILTERS, projectIds: [3, 999], importance: 'normal' as const };

  it('names a project that does not exist, once the projects are known, and drops it', () => {
    expect(applicableFilters('inbox', filters, new Set([3, 5]))).toEqual({
      filters: { ...filters, projectIds: [3] },
      ignored: ['project=999 (no such project)'],
    });
    expect(applicableFilters('inbox', filters, null).filters.projectIds).toEqual([3, 999]);
  });

  it('drops importance in the Important view, and never carries it there', () => {
    const { filters: applied, ignored } = applicableFilters('important', filters, null);
    expect(applied.importance).toBeNull();
    expect(ignored).toEqual(['importance=normal (this view shows important notifications only)']);
    expect(hrefFor('important', filters)).toBe('/important?project=3%2C999');
    expect(hrefFor('inbox', filters)).toBe('/?project=3%2C999&importance=normal');
  });
});

describe('the reading pane’s open= parameter', () => {
  it('is not a filter; a malformed or second one is named as ignored', () => {
    expect(parseFilters(new URLSearchParams('open=203')).ignored).toEqual([]);
    expect(parseFilters(new URLSearchParams('open=abc')).ignored).toEqual(['open=abc']);
    expect(parseFilters(new URLSearchParams('open=203&open=85')).ignored).toEqual(['open=85']);
  });
});

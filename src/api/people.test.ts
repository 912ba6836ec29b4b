import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPeople, PEOPLE_PAGE_SIZE } from './people.ts';

afterEach(() => vi.unstubAllGlobals());

/** An API over `count` people that pages them as Productive does (links.next while there are more). */
function peopleApi(
  count: number,
  attributes: (id: number) => Record<string, unknown> = () => ({}),
) {
  const fetch = vi.fn(async (url: string) => {
    const params = new URL(url, 'http://inbox').searchParams;
    const page = Number(params.get('page[number]'));
    const size = Number(params.get('page[size]'));
    const ids = Array.from({ length: count }, (_, index) => index + 1).slice(
      (page - 1) * size,
      page * size,
    );
    return Response.json({
      data: ids.map((id) => ({
        id: String(id),
        type: 'people',
        attributes: { first_name: `Person`, last_name: String(id), ...attributes(id) },
      })),
      links: page * size < count ? { next: 'more' } : {},
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('people a reply can mention', () => {
  it('are active users, asked for with filter[status]=1, every page of them (not only the first 2,000)', async () => {
    const fetch = peopleApi(2 * 1000 + 450);
    const people = await getPeople();
    expect(people).toHaveLength(2450);
    expect(fetch).toHaveBeenCalledTimes(Math.ceil(2450 / PEOPLE_PAGE_SIZE));
    for (const [url] of fetch.mock.calls)
      expect(new URL(url, 'http://inbox').searchParams.get('filter[status]')).toBe('1');
  });

  it('leave out contacts, placeholders, deactivated and archived people, even unfiltered', async () => {
    peopleApi(
      6,
      (id) =>
        [
          {},
          { person_type: 2 },
          { person_type: '3' },
          { deactivated_at: '2025-01-01T00:00:00Z' },
          { archived_at: '2025-01-01T00:00:00Z' },
          { is_user: false },
        ][id - 1] as Record<string, unknown>,
    );
    expect((await getPeople()).map((person) => person.name)).toEqual(['Person 1']);
  });
});

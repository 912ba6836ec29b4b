import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, ApiRequestError } from './http.ts';
import {
  hasMorePages,
  parseRecords,
  readCollection,
  readSingle,
  type ResourceObject,
} from './jsonapi.ts';
import { getPeople, parsePerson } from './people.ts';
import { getProjects, parseProject } from './projects.ts';
import { parseTask } from './tasks.ts';

/** Responses recorded from api.productive.io (src/testing/recordings/README.md): the parsers read real data. */
const DIRECTORY = new URL('../testing/recordings/', import.meta.url);

interface Interaction {
  request: { method: string; uri: string };
  response: {
    status: { code: number };
    headers: Record<string, string[] | string>;
    body: { string: string };
  };
}

const recordings = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({
    name,
    interactions: (
      JSON.parse(readFileSync(new URL(name, DIRECTORY), 'utf8')) as {
        http_interactions: Interaction[];
      }
    ).http_interactions,
  }));

/** `https://api.productive.io/api/v2/projects?…` → `projects`. */
const resourceOf = (uri: string) => new URL(uri).pathname.split('/')[3] as string;

/** The app's own parser for each resource it reads; the rest are read by the JSON:API reader alone. */
const PARSERS: Record<
  string,
  (resource: ResourceObject, included: Map<string, ResourceObject>) => unknown
> = {
  tasks: parseTask,
  projects: parseProject,
  people: parsePerson,
};

/** A fetch that answers every request with one recorded response. */
function replay(interaction: Interaction) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(interaction.response.headers))
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const { code } = interaction.response.status;
  return vi.fn(
    async () =>
      new Response(code === 204 ? null : interaction.response.body.string, {
        status: code,
        headers,
      }),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('every recorded response from api.productive.io', () => {
  it('are all here: tasks, projects, people, deals, pages and two errors', () => {
    expect(recordings.map((recording) => recording.name)).toEqual([
      'deals_get_page.json',
      'errors_404.json',
      'errors_422.json',
      'pages_get_one.json',
      'people_get_one.json',
      'projects_get_page.json',
      'tasks_with_includes.json',
    ]);
  });

  for (const { name, interactions } of recordings) {
    for (const interaction of interactions) {
      const { method, uri } = interaction.request;
      it(`${name}: ${method.toUpperCase()} ${new URL(uri).pathname} is read as the app reads it`, async () => {
        vi.stubGlobal('fetch', replay(interaction));
        const type = resourceOf(uri);
        const request = apiRequest(new URL(uri).pathname.replace('/api/v2', ''));
        const { code } = interaction.response.status;
        if (code >= 400) {
          const error = await request.catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(ApiRequestError);
          expect((error as ApiRequestError).status).toBe(code);
          expect((error as ApiRequestError).title).toMatch(/Not Found|Invalid Attribute/);
          expect((error as ApiRequestError).message).not.toBe('');
          return;
        }
        const body = await request;
        if (code === 204) {
          expect(body).toBeNull();
          return;
        }
        const parse = PARSERS[type] ?? ((resource: ResourceObject) => resource);
        if (Array.isArray((body as { data: unknown }).data)) {
          const document = readCollection(body, type);
          const { items, skipped } = parseRecords(document, parse, type);
          expect(skipped).toBe(0);
          expect(items.length).toBe((body as { data: unknown[] }).data.length);
          expect(items.length).toBeGreaterThan(0);
          // Recorded lists link the next page and carry totals.
          expect(hasMorePages(document, 1, items.length)).toBe(true);
        } else {
          const document = readSingle(body, type);
          expect(document.data.id).toMatch(/^\d+$/);
          expect(parse(document.data, document.included)).toBeTruthy();
        }
      });
    }
  }
});

const interaction = (name: string) => {
  const found = recordings.find((recording) => recording.name === name)?.interactions[0];
  if (!found) throw new Error(`no recording ${name}`);
  return found;
};

describe('what the recordings show', () => {
  it('tasks: their project from the included records, and a trimmed name', () => {
    const body: unknown = JSON.parse(interaction('tasks_with_includes.json').response.body.string);
    const document = readCollection(body, 'tasks');
    const tasks = document.data.map((resource) => parseTask(resource, document.included));
    expect(tasks[0]).toMatchObject({
      id: '295',
      title: 'primjer druge firme',
      number: '1',
      closed: true,
    });
    expect(tasks.every((task) => task.projectName !== null)).toBe(true);
  });

  it('projects: 4 of 5 archived, names trimmed; the app asks for active ones only', async () => {
    const fetch = lastPage('projects_get_page.json');
    const projects = await getProjects(undefined, 'active');
    expect(
      new URL(String(fetch.mock.calls[0]?.[0]), 'http://inbox').searchParams.get('filter[status]'),
    ).toBe('1');
    // The recording is unfiltered, as Productive answers without filter[status]: 4 of its 5 are archived.
    const body: unknown = JSON.parse(interaction('projects_get_page.json').response.body.string);
    expect(
      readCollection(body, 'projects')
        .data.map(parseProject)
        .filter((project) => project.archived),
    ).toHaveLength(4);
    expect(projects.map((project) => project.name)).toContain('blask');
  });

  it('people: an archived person who is no user is never offered for a mention', async () => {
    const fetch = lastPage('people_get_one.json');
    expect(await getPeople()).toEqual([]);
    expect(
      new URL(String(fetch.mock.calls[0]?.[0]), 'http://inbox').searchParams.get('filter[status]'),
    ).toBe('1');
  });
});

/** A fetch that answers with a recorded list as if it were the last page (no links, no totals). */
function lastPage(name: string) {
  const body = JSON.parse(interaction(name).response.body.string) as {
    links: unknown;
    meta: unknown;
  };
  body.links = {};
  body.meta = {};
  const fetch = vi.fn(async (_url: string) => Response.json(body));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

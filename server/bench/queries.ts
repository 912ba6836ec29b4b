/** The API's query kinds as the inbox sends them, timed one after another over HTTP. */
import { percentile } from './load.ts';

export interface QueryTiming {
  query: string;
  p50: number;
  p95: number;
}

export function queryKinds(notifications: number): [string, (i: number) => string, RequestInit?][] {
  const recent = encodeURIComponent(new Date(Date.now() - 2 * 86_400_000).toISOString());
  return [
    [
      'inbox, first page (50, actor)',
      () => '/notifications?filter[dismissed]=false&include=actor&page[size]=50',
    ],
    [
      'inbox, page 40',
      () => '/notifications?filter[dismissed]=false&include=actor&page[size]=50&page[number]=40',
    ],
    ['dismissed view', () => '/notifications?filter[dismissed]=true&include=actor&page[size]=50'],
    [
      'important view',
      () => '/notifications?filter[dismissed]=false&filter[important]=true&page[size]=50',
    ],
    [
      'mentions view',
      () => '/notifications?filter[dismissed]=false&filter[mention]=true&page[size]=50',
    ],
    [
      'by project',
      (i) =>
        `/notifications?filter[dismissed]=false&filter[project_id]=${(i % 12) + 1}&page[size]=50`,
    ],
    ['by type', () => '/notifications?filter[dismissed]=false&filter[type]=todo&page[size]=50'],
    [
      'project + type + dates',
      (i) =>
        `/notifications?filter[project_id]=${(i % 12) + 1}&filter[type]=task&filter[date_after]=2026-01-01&page[size]=50`,
    ],
    ['poll: after newest', () => `/notifications?filter[after]=${recent}&page[size]=50`],
    ['one notification', (i) => `/notifications/${(i % notifications) + 1}`],
    [
      'PATCH read',
      (i) => `/notifications/${(i % notifications) + 1}/read`,
      { method: 'PATCH', headers: { 'Content-Type': 'application/vnd.api+json' } },
    ],
    [
      'activities of a task',
      (i) =>
        `/activities?filter[task_id]=${(i % 600) + 1}&include=creator,comment,email,attachment`,
    ],
    ['activities, first page', () => '/activities?page[size]=50'],
    ['projects', () => '/projects?page[size]=200'],
  ];
}

/** p50/p95 of each query kind, `runs` sequential requests each against `base` (…/api/v2). */
export async function timeQueries(
  base: string,
  notifications: number,
  runs: number,
): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  for (const [query, path, init] of queryKinds(notifications)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${path(i)}`, init);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${query}: HTTP ${response.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    timings.push({ query, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return timings;
}

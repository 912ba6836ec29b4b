/**
 * The stack floor: the smallest inbox on the brief's own packages (React, React Query, react-router's data router,
 * Tailwind, Vite), 50 rows from the same API, nothing else. `npm run bench` builds it and measures it beside the
 * app; `npm run check:bundle` weighs the app's initial JavaScript against its.
 */
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import './index.css';

interface Row {
  id: string;
  title: string;
  actor: string;
  createdAt: string;
}

interface Resource {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: { id: string; type: string } | null }>;
}

async function getNotifications(): Promise<Row[]> {
  const response = await fetch(
    '/api/v2/notifications?filter[dismissed]=false&include=actor&page[number]=1&page[size]=50',
    { headers: { Accept: 'application/vnd.api+json' } },
  );
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const document = (await response.json()) as { data: Resource[]; included?: Resource[] };
  const people = new Map(
    (document.included ?? []).map((person) => [
      person.id,
      `${String(person.attributes?.first_name ?? '')} ${String(person.attributes?.last_name ?? '')}`,
    ]),
  );
  return document.data.map((item) => ({
    id: item.id,
    title: String(item.attributes?.title ?? ''),
    actor: people.get(item.relationships?.actor?.data?.id ?? '') ?? '',
    createdAt: String(item.attributes?.created_at ?? ''),
  }));
}

const notifications = queryOptions({ queryKey: ['notifications'], queryFn: getNotifications });
const queryClient = new QueryClient();

function Inbox() {
  const { data, error } = useQuery(notifications);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {data.map((row) => (
        <li key={row.id} data-testid="notification-row" className="px-4 py-3">
          <p className="font-medium">{row.title}</p>
          <p className="text-sm text-slate-600">
            {row.actor} · {new Date(row.createdAt).toLocaleString()}
          </p>
        </li>
      ))}
    </ul>
  );
}

const router = createBrowserRouter([
  {
    path: '/',
    loader: () => {
      void queryClient.prefetchQuery(notifications);
      return null;
    },
    Component: () => (
      <main className="mx-auto max-w-3xl">
        <h1 className="px-4 py-3 text-xl font-semibold">Inbox</h1>
        <Inbox />
      </main>
    ),
  },
]);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { createMemoryRouter, Outlet, useLocation } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { pageRoutes } from '../app/routes.tsx';
import { ReadOnlyNotice } from '../app/ReadOnlyNotice.tsx';
import { BackgroundErrors } from '../components/BackgroundErrors.tsx';
import { ToastProvider } from '../components/toasts.tsx';

export const location = { current: '' };

function LocationSpy() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    location.current = `${pathname}${search}`;
  }, [pathname, search]);
  return null;
}

function TestFrame() {
  return (
    <>
      <Outlet />
      <LocationSpy />
    </>
  );
}

/** The whole app at a route (the app's own routes and loaders), with a fresh query client that does not retry. */
export function renderApp(route: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  });
  const router = createMemoryRouter([{ Component: TestFrame, children: pageRoutes(queryClient) }], {
    initialEntries: [route],
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BackgroundErrors />
        <ReadOnlyNotice />
        <RouterProvider router={router} useTransitions={false} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient, router };
}

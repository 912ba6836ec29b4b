import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter, useLocation } from '../lib/router.tsx';
import { AppRoutes } from '../app/AppRoutes.tsx';
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

/** The whole app at a route, with a fresh query client that does not retry. */
export function renderApp(route: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BackgroundErrors />
        <ReadOnlyNotice />
        <MemoryRouter initialEntries={[route]}>
          <AppRoutes />
          <LocationSpy />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

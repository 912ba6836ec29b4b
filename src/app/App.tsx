import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { BackgroundErrors } from '../components/BackgroundErrors.tsx';
import { ToastProvider } from '../components/toasts.tsx';
import { createQueryClient } from './query-client.ts';
import { AppRoutes } from './AppRoutes.tsx';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BackgroundErrors />
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}

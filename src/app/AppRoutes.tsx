import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { InboxPage } from '../features/inbox/components/InboxPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<InboxPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

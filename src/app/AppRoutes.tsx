import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { InboxPage } from '../features/inbox/components/InboxPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<InboxPage key="inbox" view="inbox" />} />
      <Route path="/important" element={<InboxPage key="important" view="important" />} />
      <Route path="/mentions" element={<InboxPage key="mentions" view="mentions" />} />
      <Route path="/dismissed" element={<InboxPage key="dismissed" view="dismissed" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

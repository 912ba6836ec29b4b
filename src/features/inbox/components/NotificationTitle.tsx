// Moved to components/, where the notification detail uses it too; kept so the inbox's imports stand.
export { NotificationTitle } from '../../../components/NotificationTitle.tsx';

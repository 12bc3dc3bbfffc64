export { notificationKeys, useNotifications } from './api/get-notifications';
export { NotificationBell } from './components/notification-bell';
export { useWorkflowAlerts } from './hooks/use-workflow-alerts';
export type { AppNotification } from './types';

// @billing/notifications-service — e-mail notifications over SMTP (issue 6): consumes
// accounts.events.v1 and wallet.events.v1, records each notification as an event stream, sends
// through nodemailer with retries and a bounded rate, lists them at GET /api/v1/notifications.
export { NotificationsModule } from './notifications.module.js';
export {
  DEFAULT_DELIVERY,
  NOTIFICATIONS_OPTIONS,
  resolveNotificationsOptions,
  type DeliveryOptions,
  type IntakeOptions,
  type MailOptions,
  type NotificationsModuleOptions,
  type ResolvedNotificationsOptions,
} from './notifications.options.js';
export { loadNotificationsEnv, notificationsOptionsFrom, NOTIFICATIONS_ENV_VARIABLES, type NotificationsEnv } from './notifications.env.js';
export { parseSmtpUrl, describeSmtp, type SmtpSettings } from './delivery/smtp-settings.js';
export { DeliveryWorker, type DeliveryStatus } from './delivery/delivery-worker.js';
export { NotificationsQueries, type NotificationView, type NotificationsPage } from './http/notifications.queries.js';
export { NotificationsDatabase } from './infrastructure/notifications-database.js';
export { notificationIdFor, NOTIFICATION_ID_NAMESPACE } from './intake/notification-intake.js';
export { TemplateRenderer, TEMPLATE_LANGUAGES } from './templates/renderer.js';

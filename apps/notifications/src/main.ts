// Distributed mode: notifications in a process of its own: consumes accounts.events.v1 and
// wallet.events.v1 and sends e-mail over SMTP (SMTP_URL, MAIL_FROM, PORTAL_URL); its
// NotificationSent / NotificationFailed events stay in its own store (no topic of its own yet).
import { runServiceProcess } from '@billing/gateway';
import { NotificationsModule, notificationsOptionsFrom } from '@billing/notifications-service';

await runServiceProcess({
  name: 'notifications',
  modules: (context) => [NotificationsModule.forRoot(notificationsOptionsFrom(context))],
});

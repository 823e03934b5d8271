// @billing/notifications-domain — the notifications context without I/O: the notification
// decider, which events call for which e-mail and to whom, the recipients projection's rules,
// and the delivery policies (retry backoff, SMTP failure classes, token-bucket rate).
export * from './shared/holder.js';
export * from './shared/kinds.js';
export * from './shared/email-address.js';
export * from './shared/language.js';
export * from './shared/display.js';
export * from './notification/notification.events.js';
export * from './notification/notification.commands.js';
export * from './notification/notification.state.js';
export * from './notification/notification.decider.js';
export * from './delivery/retry-policy.js';
export * from './delivery/send-failure.js';
export * from './delivery/token-bucket.js';
export * from './recipients/recipient.js';
export * from './recipients/recipient-change.js';
export * from './planning/targets.js';
export * from './planning/request.js';
export * from './planning/variables.js';

// GET /notifications items (docs/API.md §13; the generated client has no schema for the answer).
export interface NotificationItem {
  notificationId: string;
  kind: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  recipient: string;
  holder: { kind: string; id: string } | null;
  language: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  skipReason: string | null;
  messageId: string | null;
  source: { eventId: string; type: string } | null;
  requestedAt: string;
  updatedAt: string;
}

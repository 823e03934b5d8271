import { ProblemError } from '@billing/portal-session';

/** The problem's message in the page's language for the codes a login answers, else its detail. */
export function loginErrorText(caught: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(caught instanceof ProblemError)) return caught instanceof Error ? caught.message : String(caught);
  const { code, detail, title } = caught.problem;
  if (code === 'too_many_login_attempts') return t('login.errors.too_many_login_attempts', { seconds: caught.retryAfterSeconds ?? '?' });
  if (code === 'invalid_credentials' || code === 'network_error') return t(`login.errors.${code}`);
  return detail ?? title;
}

import { ProblemError, type SessionStore } from '@billing/portal-session';

/**
 * Fetches a CSV with the bearer token and saves it through a Blob: the token never goes into
 * a URL (a link to `?access_token=` would land in history and access logs).
 */
export async function downloadCsv(authFetch: SessionStore['authFetch'], path: string, fallbackName: string): Promise<void> {
  const response = await authFetch(path, { headers: { Accept: 'text/csv' } });
  if (!response.ok) throw await ProblemError.fromResponse(response);
  const blob = await response.blob();
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // the click has handed the blob to the download; a later revoke only frees memory.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

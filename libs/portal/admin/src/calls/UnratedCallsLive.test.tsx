import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { UnratedCallsPage } from './UnratedCallsPage';

/** The browser's EventSource as the live hook uses it: which events the page listens to. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly types: string[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string): void {
    this.types.push(type);
  }
  close(): void {}
}

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined) } }),
  useSessionStore: () => ({ authFetch: () => Promise.resolve(Response.json({ ticket: 't', expiresInSeconds: 30, streamPath: '/api/v1/reports/live?ticket=t' }, { status: 201 })) }),
}));
vi.mock('@tanstack/react-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tanstack/react-router')>()),
  useSearch: () => ({}),
  useNavigate: () => vi.fn(),
}));

afterEach(() => {
  FakeEventSource.instances = [];
  vi.unstubAllGlobals();
});

describe('UnratedCallsPage live', () => {
  it('follows the events that come with an unrated call: a released hold (the CDR was not charged), a re-rated call, a resync (it followed only rated calls and needed a reload)', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <UnratedCallsPage />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    expect(FakeEventSource.instances[0]?.types).toEqual(expect.arrayContaining(['hold', 'call', 'resync']));
  });
});

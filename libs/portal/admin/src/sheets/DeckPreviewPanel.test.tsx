import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { DeckPreviewPanel } from './DeckPreviewPanel';
import type { DeckPreview } from './sheet-wire';

// the currency never arrives: amounts show as plain digits, which these tests do not read
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined) } }),
}));

function show(value: DeckPreview) {
  renderAdmin(
    <QueryClientProvider client={new QueryClient()}>
      <DeckPreviewPanel preview={value} />
    </QueryClientProvider>,
  );
}

const row = { prefix: '44', destination: 'United Kingdom', connectFee: '0', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.2', incrementSeconds: 60 }] };

function preview(patch: Partial<DeckPreview>): DeckPreview {
  return { dryRun: true, valid: true, rowCount: 1, rounding: { decimals: 4, mode: 'up' }, effectiveFrom: null, rows: [row], errors: [], truncated: false, ...patch } as DeckPreview;
}

describe('DeckPreviewPanel counts', () => {
  it('says "1 row", and names the rows shown only when not all are', () => {
    show(preview({}));
    expect(screen.getByText('1 row would be imported.')).toBeInTheDocument();
    expect(screen.queryByText(/shown/)).toBeNull();
  });

  it('says how many of many rows are shown', () => {
    show(preview({ rowCount: 125000, rows: [row, { ...row, prefix: '33', destination: 'France' }] }));
    expect(screen.getByText('125,000 rows would be imported. The first 2 are shown.')).toBeInTheDocument();
  });

  it('says "1 error" for one bad row', () => {
    show(preview({ valid: false, rowCount: 0, rows: [], errors: [{ line: 2, field: 'prefix', path: 'rows/0/prefix', message: 'not digits' }] as DeckPreview['errors'] }));
    expect(screen.getByText('1 error; fix it and preview again.')).toBeInTheDocument();
  });
});

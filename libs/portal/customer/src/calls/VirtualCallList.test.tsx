// The long call list renders only what is in view and asks for the next page only near the end
// of what is loaded, so a 100 000-call history is never fetched or rendered at once.
import { fireEvent, screen } from '@testing-library/react';
import { PHONE_QUERY } from '@billing/portal-ui';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../shared/customer-api';
import { renderWithUi } from '../test-utils';
import { VirtualCallList } from './VirtualCallList';

const call = (index: number): Call =>
  ({ callId: `call-${index}`, status: 'rated', cost: '0.1', startedAt: '2026-12-04T10:00:00Z', destination: '+442079460958', destinationName: 'UK', sipUsername: null, billsec: 60 }) as unknown as Call;

beforeEach(() => {
  // jsdom lays nothing out: the list's viewport is 600 px high.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.getAttribute('role') === 'region' ? 600 : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterEach(() => vi.restoreAllMocks());

function setup(count: number, hasMore = true) {
  const loadMore = vi.fn();
  const scrollRef = createRef<HTMLDivElement>();
  renderWithUi(<VirtualCallList calls={Array.from({ length: count }, (_, i) => call(i))} hasMore={hasMore} loadingMore={false} loadMore={loadMore} currency="USD" formatTime={(s) => s} label="Calls" scrollRef={scrollRef} />);
  return { loadMore, region: screen.getByRole('region', { name: 'Calls' }) };
}

describe('VirtualCallList', () => {
  it('renders a screenful of 1 000 loaded calls and asks for no more at the top', () => {
    const { loadMore } = setup(1000);
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(loadMore).not.toHaveBeenCalled();
  });

  it('asks for the next page when the end of what is loaded comes near', () => {
    const { loadMore, region } = setup(1000);
    region.scrollTop = 1000 * 60 - 600 - 30 * 60;
    fireEvent.scroll(region);
    expect(loadMore).toHaveBeenCalled();
    expect(screen.getAllByRole('listitem').length).toBeLessThan(40);
  });

  it('asks for nothing more at the end of the history', () => {
    const { loadMore, region } = setup(100, false);
    region.scrollTop = 100 * 60 - 600;
    fireEvent.scroll(region);
    expect(loadMore).not.toHaveBeenCalled();
    expect(screen.getByText('100 calls')).toBeInTheDocument();
  });

  // On a 390 px phone the place name shared its line with the number and was cut to a few letters:
  // there a row takes three lines, and the list places and sizes its rows by the taller height.
  it('on a phone gives each row three lines and 80 px, and still renders only a screenful', () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({ ...original(query), matches: query === PHONE_QUERY });
    try {
      setup(1000);
      const rows = screen.getAllByRole('listitem');
      expect(rows.length).toBeLessThan(40);
      expect(rows[0]).toHaveStyle({ height: '80px' });
      expect(rows[1]!.style.transform).toBe('translateY(80px)');
      expect(rows[0]!.children).toHaveLength(3);
      expect(rows[0]!.lastElementChild).toHaveTextContent(/^UK$/);
    } finally {
      window.matchMedia = original;
    }
  });

  it('on a wider screen keeps two 60 px lines', () => {
    setup(1000);
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]).toHaveStyle({ height: '60px' });
    expect(rows[1]!.style.transform).toBe('translateY(60px)');
    expect(rows[0]!.children).toHaveLength(2);
  });
});

import { PHONE_QUERY } from '@billing/portal-ui';
import { Box, Button, Center, Loader, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../shared/customer-api.js';
import { callRowHeightPx } from './call-row-layout.js';
import { CallRow } from './CallRow.js';

/** Ask for the next page while this many loaded rows are still below the viewport. */
const PREFETCH_ROWS = 60;

export interface VirtualCallListProps {
  calls: readonly Call[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  currency: string;
  formatTime: (instant: string) => string;
  label: string;
  scrollRef: RefObject<HTMLDivElement | null>;
}

/**
 * Only the rows in view are in the DOM (TanStack Virtual), so 100 000 calls scroll as smoothly as
 * 100; the next cursor page is fetched as the end of what is loaded comes near. A "load more"
 * button does the same for keyboard and screen-reader users. On a phone the rows take three lines
 * (the place name its own) and are taller: the list is measured again when the layout changes.
 */
export function VirtualCallList({ calls, hasMore, loadingMore, loadMore, currency, formatTime, label, scrollRef }: VirtualCallListProps) {
  const { t } = useTranslation('customer');
  const stacked = useMediaQuery(PHONE_QUERY) === true;
  const rowPx = callRowHeightPx(stacked);
  const virtualizer = useVirtualizer({ count: calls.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowPx, overscan: 10 });
  // the sizes already estimated are cached: a phone turned sideways must not keep the old height
  useEffect(() => virtualizer.measure(), [virtualizer, rowPx]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length === 0 ? -1 : items[items.length - 1]!.index;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= calls.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastIndex, calls.length, loadMore]);

  return (
    <>
      <Box
        ref={scrollRef}
        role="region"
        aria-label={label}
        tabIndex={0}
        style={{ height: 'min(60vh, 640px)', overflowY: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', background: 'var(--mantine-color-body)' }}
      >
        <div role="list" aria-busy={loadingMore} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <div
              key={calls[item.index]!.callId}
              role="listitem"
              aria-setsize={hasMore ? -1 : calls.length}
              aria-posinset={item.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowPx, transform: `translateY(${item.start}px)`, padding: '8px 12px', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <CallRow call={calls[item.index]!} currency={currency} formatTime={formatTime} stacked={stacked} />
            </div>
          ))}
        </div>
        {calls.length === 0 && (
          <Center h="100%">
            <Text c="dimmed">{t('calls.empty')}</Text>
          </Center>
        )}
      </Box>
      <Center mih={36}>
        {loadingMore ? (
          <Loader size="sm" role="status" aria-label={t('calls.loading')} />
        ) : hasMore ? (
          <Button variant="light" size="compact-sm" onClick={loadMore}>
            {t('calls.loadMore')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('calls.count', { count: calls.length })}
          </Text>
        )}
      </Center>
    </>
  );
}

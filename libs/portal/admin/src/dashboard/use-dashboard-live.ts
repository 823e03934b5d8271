import { useLiveEvents, type LiveEvent } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { addCall, extendTo, SERIES_MINUTES, type MinuteBucket } from './live-series.js';
import { dashboardKeys } from './summary-wire.js';

/** Re-reads arrive at most this often, however busy the feed is. */
const REFRESH_MS = 2_000;

/**
 * Follows the admin live feed: every event re-reads the dashboard's figures (throttled), `call`
 * events also feed the per-minute series. Returns the series and whether the feed has spoken.
 */
export function useDashboardLive(): { series: MinuteBucket[]; live: boolean } {
  const queryClient = useQueryClient();
  // the last half hour as empty minutes, so the time axis reads right from the start
  const [series, setSeries] = useState<MinuteBucket[]>(() => {
    const now = Math.floor(Date.now() / 60_000) * 60;
    return extendTo(extendTo([], now - (SERIES_MINUTES - 1) * 60), now);
  });
  const [live, setLive] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  // the chart moves on each minute even without calls
  useEffect(() => {
    const timer = setInterval(() => setSeries((current) => extendTo(current, Math.floor(Date.now() / 60_000) * 60)), 15_000);
    return () => clearInterval(timer);
  }, []);

  useLiveEvents('/api/v1/reports/stream-tickets', (event: LiveEvent) => {
    setLive(true);
    if (event.type === 'call') {
      const cost = (event.data as { cost?: unknown } | null)?.cost;
      setSeries((current) => addCall(current, new Date(), typeof cost === 'string' ? cost : '0'));
    }
    pending.current ??= setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    }, REFRESH_MS);
  });
  return { series, live };
}

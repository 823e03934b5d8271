import { useEffect, useState } from 'react';
import { LIVE_EVENT_TYPES } from '@billing/portal-ui';
import { useLiveRefresh } from '../shared/use-live-refresh.js';
import { addCall, extendTo, SERIES_MINUTES, type MinuteBucket } from './live-series.js';
import { dashboardKeys } from './summary-wire.js';

/**
 * Follows the admin live feed: every event re-reads the dashboard's figures (throttled), `call`
 * events also feed the per-minute series. Returns the series and whether the feed has spoken.
 */
export function useDashboardLive(): { series: MinuteBucket[]; live: boolean } {
  // the last half hour as empty minutes, so the time axis reads right from the start
  const [series, setSeries] = useState<MinuteBucket[]>(() => {
    const now = Math.floor(Date.now() / 60_000) * 60;
    return extendTo(extendTo([], now - (SERIES_MINUTES - 1) * 60), now);
  });
  const [live, setLive] = useState(false);

  // the chart moves on each minute even without calls
  useEffect(() => {
    const timer = setInterval(() => setSeries((current) => extendTo(current, Math.floor(Date.now() / 60_000) * 60)), 15_000);
    return () => clearInterval(timer);
  }, []);

  useLiveRefresh(dashboardKeys.all, LIVE_EVENT_TYPES, (event) => {
    setLive(true);
    if (event.type === 'call') {
      const cost = (event.data as { cost?: unknown } | null)?.cost;
      setSeries((current) => addCall(current, new Date(), typeof cost === 'string' ? cost : '0'));
    }
  });
  return { series, live };
}

import { useSession } from '@billing/portal-session';
import { LIVE_EVENT_TYPES } from '@billing/portal-ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { asJson } from '../shared/as-json.js';
import { useLiveRefresh } from '../shared/use-live-refresh.js';
import { awaitingSeries, extendTo, initialChart, liveFactOf, seriesWindow, withFact, withoutSeries, withSeries, type ChartState, type MinuteBucket, type SeriesWire } from './live-series.js';
import { dashboardKeys } from './summary-wire.js';

/**
 * Follows the admin live feed: every event re-reads the dashboard's figures (throttled); the
 * per-minute chart starts from the last hour (GET /reports/series) and goes on with the feed's
 * `call` and `deposit` events (live-series.ts: what the series holds is not counted twice). A
 * `resync` (events may have been missed) loads the series again. Returns the minutes and whether
 * the feed has spoken.
 */
export function useDashboardLive(): { series: MinuteBucket[]; live: boolean } {
  const { api } = useSession();
  const [chart, setChart] = useState<ChartState>(() => initialChart(Date.now()));
  // the range asked for, and which load it is (a resync in the same minute loads it again)
  const [range, setRange] = useState(() => ({ ...seriesWindow(Date.now()), load: 0 }));
  const [live, setLive] = useState(false);
  // its own key, outside dashboardKeys.all: the feed's refreshes must not reload the history
  const history = useQuery({
    queryKey: dashboardKeys.series(range.from, range.to, range.load),
    queryFn: () => asJson<SeriesWire>(api.GET('/api/v1/reports/series', { params: { query: { from: range.from, to: range.to, bucketSeconds: 60 } } })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });

  useEffect(() => {
    if (history.data !== undefined) setChart((current) => withSeries(current, history.data));
    else if (history.isError) setChart(withoutSeries);
  }, [history.data, history.isError]);

  // the chart moves on each minute even without calls
  useEffect(() => {
    const timer = setInterval(() => setChart((current) => ({ ...current, buckets: extendTo(current.buckets, Math.floor(Date.now() / 60_000) * 60) })), 15_000);
    return () => clearInterval(timer);
  }, []);

  useLiveRefresh(dashboardKeys.all, LIVE_EVENT_TYPES, (event) => {
    setLive(true);
    if (event.type === 'resync') {
      setChart(awaitingSeries);
      setRange((current) => ({ ...seriesWindow(Date.now()), load: current.load + 1 }));
      return;
    }
    const fact = liveFactOf(event);
    if (fact !== null) setChart((current) => withFact(current, fact));
  });
  return { series: chart.buckets, live };
}

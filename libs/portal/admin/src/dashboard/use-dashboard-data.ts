import { useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import type { BalanceRow, Page } from '../agents/agent-wire.js';
import { asJson } from '../shared/as-json.js';
import { dashboardKeys, type OpenHolds, type Summary } from './summary-wire.js';

export function useSummary(period: { from: string; to: string }) {
  const { api } = useSession();
  return useQuery({
    queryKey: dashboardKeys.summary(period.from, period.to),
    queryFn: () => asJson<Summary>(api.GET('/api/v1/reports/summary', { params: { query: { from: period.from, to: period.to } } })),
  });
}

export function useOpenHolds() {
  const { api } = useSession();
  return useQuery({ queryKey: dashboardKeys.openHolds, queryFn: () => asJson<OpenHolds>(api.GET('/api/v1/wallet/open-holds', { params: { query: { limit: 0 } } })) });
}

/** Accounts in debt or below their low-balance threshold (the first 50). */
export function useWatchlist(kind: 'agent' | 'customer') {
  const { api } = useSession();
  return useQuery({
    queryKey: dashboardKeys.watchlist(kind),
    queryFn: () => asJson<Page<BalanceRow>>(api.GET('/api/v1/wallet/balances', { params: { query: { kind, needsMoney: 'true', limit: 50 } } })),
  });
}

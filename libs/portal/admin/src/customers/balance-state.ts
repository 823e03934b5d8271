import { compareMoney } from '@billing/portal-ui';

/**
 * Below its low-balance threshold, by the wallet's own rule (`belowThreshold` of GET /wallet/balances:
 * balance < lowBalanceThreshold). GET /customers/{id}/balance sends both amounts but not the flag.
 */
export function isBelowThreshold(account: { balance: string; lowBalanceThreshold: string }): boolean {
  return compareMoney(account.balance, account.lowBalanceThreshold) < 0;
}

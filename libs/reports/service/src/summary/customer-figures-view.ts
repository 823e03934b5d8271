// Pure: rows of CustomerFiguresQueries → the JSON of GET /reports/customers. The agent's margin
// is counted only over calls whose agent cost is known; the others are shown apart as unknown
// (calls rated before rating recorded the cost, ITC-direct customers), never as a cost of 0.
import { formatMoney } from '@billing/money';
import type { CustomerFiguresRow, CustomerFiguresTotals } from './customer-figures.queries.js';
import { minutesOf } from './traffic-figures.js';

export interface CustomerFiguresView {
  calls: number;
  billedSeconds: number;
  billedMinutes: string;
  /** what the customer was charged for its rated calls. */
  revenue: string;
  /** what those calls cost its agent at the agent's own sheet; null = not known for any of them. */
  agentCost: string | null;
  /** revenue − agentCost over the calls whose agent cost is known; null = none is. */
  margin: string | null;
  /** rated calls whose agent cost is not known, and what the customer paid for them. */
  unknownCost: { calls: number; revenue: string };
}

export interface CustomerFiguresItem extends CustomerFiguresView {
  customerId: string;
  accountNumber: string | null;
  agentId: string | null;
}

export function customerFiguresView(sums: CustomerFiguresTotals): CustomerFiguresView {
  return {
    calls: count(sums.calls),
    billedSeconds: count(sums.billedSeconds),
    billedMinutes: minutesOf(sums.billedSeconds),
    revenue: formatMoney(sums.revenueMicros),
    agentCost: sums.agentCostMicros === null ? null : formatMoney(sums.agentCostMicros),
    margin: sums.agentCostMicros === null ? null : formatMoney(sums.knownRevenueMicros - sums.agentCostMicros),
    unknownCost: { calls: count(sums.unknownCostCalls), revenue: formatMoney(sums.unknownCostRevenueMicros) },
  };
}

export function customerFiguresItem(row: CustomerFiguresRow): CustomerFiguresItem {
  return { customerId: row.customerId, accountNumber: row.accountNumber, agentId: row.agentId, ...customerFiguresView(row) };
}

function count(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`count ${value} is beyond JSON's exact integers`);
  return n;
}

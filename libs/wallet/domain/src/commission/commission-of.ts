// The one commission rule (docs/API.md, issue 4): amount × the agent's rate in force at the deposit,
// rounded DOWN to the micro-unit, once per deposit. Down, because a commission is a promise of
// "this percentage": rounding up would pay the agent more than its rate on every deposit, and the
// sub-micro remainder stays with the operator. A reversal takes back exactly what was accrued
// (the stored amount), never a recomputation.
import { percentOf, type RoundingMode } from '@billing/money';

export const COMMISSION_ROUNDING: RoundingMode = 'down';

export function commissionOf(depositMicros: bigint, commissionMicroPercent: bigint): bigint {
  return percentOf(depositMicros, commissionMicroPercent, COMMISSION_ROUNDING);
}

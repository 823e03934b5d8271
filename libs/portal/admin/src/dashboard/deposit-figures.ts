// The summary's deposits (docs/API.md §12): `amount`/`count` are every deposit made, `reversed`
// the reversals made in the same range (a bounced payment). The dashboard shows what stayed: the
// net, exact in micro-units.
import { MONEY_DECIMALS, toMicroUnits } from '@billing/portal-ui';

export interface DepositTotals {
  amount: string;
  count: number;
  reversed: { amount: string; count: number };
}

/** deposits − reversals as a decimal string ("111.75" − "25" → "86.75"). */
export function netDeposits(deposits: DepositTotals): string {
  return fromMicroUnits(toMicroUnits(deposits.amount) - toMicroUnits(deposits.reversed.amount));
}

// the same as the agent overview's (libs/portal/agent margin.ts); belongs in the ui lib's money helpers
function fromMicroUnits(micro: bigint): string {
  const negative = micro < 0n;
  const digits = (negative ? -micro : micro).toString().padStart(MONEY_DECIMALS + 1, '0');
  const fraction = digits.slice(-MONEY_DECIMALS).replace(/0+$/, '');
  return `${negative ? '-' : ''}${digits.slice(0, -MONEY_DECIMALS)}${fraction === '' ? '' : `.${fraction}`}`;
}

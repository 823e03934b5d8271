import { MONEY_DECIMALS, toMicroUnits } from '@billing/portal-ui';

/** bigint micro-units → the wire's decimal string (`-1500000n` → `"-1.5"`). */
export function fromMicroUnits(micro: bigint): string {
  const negative = micro < 0n;
  const digits = (negative ? -micro : micro).toString().padStart(MONEY_DECIMALS + 1, '0');
  const integer = digits.slice(0, -MONEY_DECIMALS);
  const fraction = digits.slice(-MONEY_DECIMALS).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${fraction === '' ? '' : `.${fraction}`}`;
}

/** What a summary may carry about the agent's own cost of its customers' calls. */
export interface MarginFields {
  revenue: string;
  /** what the agent's own rates cost (absent while the API does not say). */
  agentCost?: string | null;
  margin?: string | null;
}

/**
 * The agent's margin on a customer's calls: what the customer paid minus what the calls cost on
 * the agent's own sheet. The API's `margin` when it answers one, else revenue − agentCost
 * (exact, in micro-units); null when neither is known.
 */
export function marginOf(summary: MarginFields): string | null {
  if (typeof summary.margin === 'string') return summary.margin;
  if (typeof summary.agentCost === 'string') return fromMicroUnits(toMicroUnits(summary.revenue) - toMicroUnits(summary.agentCost));
  return null;
}

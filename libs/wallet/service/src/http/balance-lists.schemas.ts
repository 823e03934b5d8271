// Query strings of the balance lists (strict: unknown parameters are a 400).
import { z } from 'zod';

const AgentFilter = z.string().min(1).max(128).meta({ description: "admin: one agent's (`itc` = ITC-direct customers); an agent: its own id or nothing" });

export const BalanceListQuery = z.strictObject({
  kind: z.enum(['agent', 'customer']).default('customer'),
  agentId: AgentFilter.optional(),
  /** comma-separated holder ids, e.g. the ids of one page of GET /agents or GET /customers. */
  ids: z
    .string()
    .min(1)
    .max(200 * 129)
    .transform((value) => value.split(','))
    .pipe(z.array(z.string().min(1).max(128)).min(1).max(200))
    .optional()
    .meta({ description: 'comma-separated agent or customer ids (at most 200): their balances only' }),
  needsMoney: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(false)
    .meta({ description: 'true: only accounts in debt or below their low-balance threshold' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional(),
});
export type BalanceListQuery = z.infer<typeof BalanceListQuery>;

export const OpenHoldsQuery = z.strictObject({
  agentId: AgentFilter.optional(),
  /** how many of the holds to list (the count and the total cover all). */
  limit: z.coerce.number().int().min(0).max(200).default(50),
});
export type OpenHoldsQuery = z.infer<typeof OpenHoldsQuery>;

// Request shapes of the wallet's endpoints (strict: unknown fields are a 400). Money is a decimal
// string (a JSON number is refused with a clear message by the shared MoneyString grammar).
import { PositiveRequestAmount } from '@billing/contracts';
import { z } from 'zod';

/** One movement is at most the request maximum every amount shares (MAX_REQUEST_AMOUNT, 1 000 000 000 units). */
export const Amount = PositiveRequestAmount;

const Reference = z
  .string()
  .min(1)
  .max(128)
  .refine((value) => value.trim() === value, { message: 'must not start or end with spaces' })
  .meta({ description: "ITC's own reference of the money it received (bank transfer, receipt, ...)", examples: ['BANK-2025-0042'] });

export const Id = z.string().min(1).max(128);

export const AgentDepositBody = z.strictObject({ amount: Amount, reference: Reference });
export type AgentDepositBody = z.infer<typeof AgentDepositBody>;

/** agent: a transfer from its main balance (its own reference optional); admin: a manual deposit (reference required). */
export const CustomerDepositBody = z.strictObject({
  amount: Amount,
  reference: Reference.optional().meta({ description: "ITC's reference of a manual deposit (required from ITC); an agent's own reference of its transfer (optional: invoice, receipt, ...), kept on both ledger lines" }),
});
export type CustomerDepositBody = z.infer<typeof CustomerDepositBody>;

/** `{}` moves all of the commission balance. */
export const CommissionTransferBody = z.strictObject({ amount: Amount.optional() });
export type CommissionTransferBody = z.infer<typeof CommissionTransferBody>;

export const ReversalBody = z.strictObject({ reason: z.enum(['correction', 'refund', 'chargeback']) });
export type ReversalBody = z.infer<typeof ReversalBody>;

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(100).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A ledger-line list: a page as JSON, or every line as CSV. */
export const LinesQuery = PageQuery.extend({
  format: z.enum(['json', 'csv']).optional().meta({ description: 'csv = every line of the account as a CSV file, newest first (also: Accept: text/csv); limit and cursor are then ignored' }),
});
export type LinesQuery = z.infer<typeof LinesQuery>;

// Answers of the CDR endpoints.
import { formatMoney } from '@billing/money';
import { z } from 'zod';
import type { CdrOutcome } from '../calls/cdr-intake.service.js';

export const CdrOutcomeView = z.object({
  callId: z.string(),
  status: z.enum(['rated', 'unrated', 'unanswered', 'conflict', 'rejected', 'invalid']),
  duplicate: z.boolean().meta({ description: 'this CDR was recorded before: the answer is the recorded outcome, nothing was charged again' }),
  cost: z.string().nullable(),
  reason: z.string().nullable(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type CdrOutcomeView = z.infer<typeof CdrOutcomeView>;

export function cdrOutcomeView(outcome: CdrOutcome): CdrOutcomeView {
  if (outcome.status === 'rejected') {
    return { callId: outcome.callId, status: outcome.code === 'cdr_conflict' ? 'conflict' : 'rejected', duplicate: false, cost: null, reason: null, code: outcome.code, message: outcome.message };
  }
  return { callId: outcome.callId, status: outcome.status, duplicate: outcome.duplicate, cost: formatMoney(outcome.costMicros), reason: outcome.reason };
}

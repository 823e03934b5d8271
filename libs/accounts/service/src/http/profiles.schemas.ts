import { MAX_CALL_DURATION_SECONDS, MAX_CONCURRENT_CALLS, MIN_CALL_DURATION_SECONDS, MIN_CONCURRENT_CALLS } from '@billing/accounts-domain';
import { NonNegativeRequestAmount } from '@billing/contracts';
import { z } from 'zod';
import { DistinctName, Id, notEmpty } from './common.schemas.js';
import { ListQuery } from './common.schemas.js';

const terms = {
  billingType: z.enum(['prepaid', 'postpaid']),
  creditLimit: NonNegativeRequestAmount.nullable().meta({ description: 'postpaid only: how far below zero the balance may go' }),
  rateSheetId: Id.nullable().meta({ description: "null = the agent's rate sheet" }),
  initialBalance: NonNegativeRequestAmount,
  lowBalanceThreshold: NonNegativeRequestAmount,
  // the bounds are the domain's rules (422 invalid_max_concurrent_calls / invalid_max_call_duration), stated for clients
  maxConcurrentCalls: z.number().int().meta({ minimum: MIN_CONCURRENT_CALLS, maximum: MAX_CONCURRENT_CALLS }),
  maxCallDurationSeconds: z.number().int().meta({ minimum: MIN_CALL_DURATION_SECONDS, maximum: MAX_CALL_DURATION_SECONDS }),
  language: z.string().min(2).max(35).meta({ examples: ['en', 'es'], description: '"en" or "es", or a regional form such as "es-MX" (else 422 invalid_language)' }),
};

export const CreateProfileBody = z.strictObject({
  name: DistinctName,
  billingType: terms.billingType,
  creditLimit: terms.creditLimit.default(null),
  rateSheetId: terms.rateSheetId.default(null),
  initialBalance: terms.initialBalance.default('0'),
  lowBalanceThreshold: terms.lowBalanceThreshold.default('0'),
  maxConcurrentCalls: terms.maxConcurrentCalls.default(1),
  maxCallDurationSeconds: terms.maxCallDurationSeconds.default(10_800),
  language: terms.language.default('en'),
  ownerAgentId: Id.nullable().default(null).meta({ description: 'admin only: the agent that owns it (null = ITC profile); an agent always owns its own' }),
});
export type CreateProfileBody = z.infer<typeof CreateProfileBody>;

export const UpdateProfileBody = z
  .strictObject({
    name: DistinctName.optional(),
    billingType: terms.billingType.optional(),
    creditLimit: terms.creditLimit.optional(),
    rateSheetId: terms.rateSheetId.optional(),
    initialBalance: terms.initialBalance.optional(),
    lowBalanceThreshold: terms.lowBalanceThreshold.optional(),
    maxConcurrentCalls: terms.maxConcurrentCalls.optional(),
    maxCallDurationSeconds: terms.maxCallDurationSeconds.optional(),
    language: terms.language.optional(),
  })
  .refine(notEmpty, 'send at least one field to change');
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const ProfileListQuery = ListQuery.extend({
  ownerAgentId: Id.optional().meta({ description: 'admin: only this agent\'s profiles ("itc" = ITC profiles only)' }),
});
export type ProfileListQuery = z.infer<typeof ProfileListQuery>;

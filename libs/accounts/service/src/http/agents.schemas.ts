import { NonNegativeRequestAmount, PercentString } from '@billing/contracts';
import { z } from 'zod';
import { Email, Id, ListQuery, Name, notEmpty, Password, Search, Username } from './common.schemas.js';

export const RegisterAgentBody = z.strictObject({
  name: Name,
  contactEmail: Email,
  commissionPercent: PercentString,
  rateSheetId: Id.meta({ description: "the rate sheet the agent's customers get unless their profile names one" }),
  lowBalanceThreshold: NonNegativeRequestAmount.default('0'),
  username: Username.meta({ description: 'portal login of the agent' }),
  password: Password,
  maxCustomerCreditLimit: NonNegativeRequestAmount.default('0').meta({ description: 'the highest postpaid credit limit the agent may grant one customer; "0" = no postpaid credit' }),
  maxTotalCustomerCredit: NonNegativeRequestAmount.optional().meta({
    description: "the most postpaid credit the agent's open customers may hold together (sum of their credit limits); default: maxCustomerCreditLimit (one customer at the maximum)",
  }),
  customersMayAddCallerIds: z.boolean().default(true).meta({ description: "false = its customers cannot add CallerIDs; true = they can, each pending the agent's approval" }),
});
export type RegisterAgentBody = z.infer<typeof RegisterAgentBody>;

export const ChangeAgentBody = z
  .strictObject({
    name: Name.optional(),
    contactEmail: Email.optional(),
    commissionPercent: PercentString.optional(),
    rateSheetId: Id.optional(),
    lowBalanceThreshold: NonNegativeRequestAmount.optional(),
    maxCustomerCreditLimit: NonNegativeRequestAmount.optional().meta({ description: 'ITC only' }),
    maxTotalCustomerCredit: NonNegativeRequestAmount.optional().meta({ description: 'ITC only' }),
    customersMayAddCallerIds: z.boolean().optional().meta({ description: 'ITC only' }),
  })
  .refine(notEmpty, 'send at least one field to change');
export type ChangeAgentBody = z.infer<typeof ChangeAgentBody>;

export const AgentPasswordBody = z.strictObject({ password: Password });
export type AgentPasswordBody = z.infer<typeof AgentPasswordBody>;

export const AgentListQuery = ListQuery.extend({
  status: z.enum(['active', 'suspended']).optional(),
  search: Search.optional().meta({ description: 'contained (any case) in the name, username or contact e-mail, or the exact agent id' }),
});
export type AgentListQuery = z.infer<typeof AgentListQuery>;

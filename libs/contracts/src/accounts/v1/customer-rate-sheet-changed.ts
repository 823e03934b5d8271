import { z } from 'zod';
import { audited, AccountsId } from './wire.js';

/** Calls starting from `occurredAt` are rated with the new sheet. */
export const CUSTOMER_RATE_SHEET_CHANGED_V1 = { type: 'accounts.CustomerRateSheetChanged', schemaVersion: 1 } as const;

export const CustomerRateSheetChangedV1 = z.object({
  customerId: AccountsId,
  previousRateSheetId: AccountsId,
  rateSheetId: AccountsId,
  ...audited,
});
export type CustomerRateSheetChangedV1 = z.infer<typeof CustomerRateSheetChangedV1>;

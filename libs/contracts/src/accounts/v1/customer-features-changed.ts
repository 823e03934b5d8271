import { z } from 'zod';
import { AccountsId, audited } from './wire.js';

/**
 * A customer's PBX features as ITC assigned them (absent from openings recorded before features
 * existed: then FollowMe, CallerID self-management and international calls are on, the rest off).
 * "International" = a destination whose E.164 digits do not start with `homeCountryCode`.
 */
export const CustomerFeaturesV1 = z.object({
  followMe: z.boolean(),
  callerIdSelfManagement: z.boolean(),
  internationalCalls: z.boolean(),
  premiumDestinations: z.boolean(),
  callRecording: z.boolean(),
  voicemail: z.boolean(),
  /** E.164 country code digits ("351"); null only while international calls are allowed. */
  homeCountryCode: z.string().regex(/^[1-9][0-9]{0,2}$/).nullable(),
  /** E.164 digit prefixes of premium-rate destinations. */
  premiumPrefixes: z.array(z.string().regex(/^[1-9][0-9]{0,14}$/)).max(100),
});
export type CustomerFeaturesV1 = z.infer<typeof CustomerFeaturesV1>;

export const CUSTOMER_FEATURES_CHANGED_V1 = { type: 'accounts.CustomerFeaturesChanged', schemaVersion: 1 } as const;

/** The whole feature set after ITC's change, in force for calls starting at or after `effectiveFrom`. */
export const CustomerFeaturesChangedV1 = CustomerFeaturesV1.extend({
  customerId: AccountsId,
  effectiveFrom: z.iso.datetime({ offset: true }),
  ...audited,
});
export type CustomerFeaturesChangedV1 = z.infer<typeof CustomerFeaturesChangedV1>;

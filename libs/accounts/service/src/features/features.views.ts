// A feature set as the API shows and takes it (customers' and profiles' reads, the PATCH bodies).
import { MAX_PREMIUM_PREFIXES, type CustomerFeatures } from '@billing/accounts-domain';
import { z } from 'zod';
import { notEmpty } from '../http/common.schemas.js';

const flag = (description: string) => z.boolean().meta({ description });

export const FeaturesView = z
  .object({
    followMe: flag('the customer may set and enable FollowMe (off: 403 feature_follow_me_not_assigned, and the switch gets no FollowMe)'),
    callerIdSelfManagement: flag('the customer itself may add, remove and choose CallerIDs (off: 403 feature_caller_id_self_management_not_assigned; its agent still may)'),
    internationalCalls: flag('calls outside homeCountryCode (off: refused with reason feature_international_calls_not_assigned)'),
    premiumDestinations: flag('calls to premiumPrefixes (off: refused with reason feature_premium_destinations_not_assigned)'),
    callRecording: flag('for the switch: directory variable call_recording'),
    voicemail: flag('for the switch: directory variable voicemail_enabled'),
    homeCountryCode: z.string().nullable().meta({ description: 'E.164 country code ("351"); a destination not starting with it is international. Needed to switch internationalCalls off', examples: ['351'] }),
    premiumPrefixes: z.array(z.string()).meta({ description: `E.164 digit prefixes of premium-rate destinations (at most ${MAX_PREMIUM_PREFIXES})`, examples: [['3516', '3517']] }),
  })
  .meta({ description: 'PBX features assigned by ITC; in force from the instant of the change' });
export type FeaturesView = z.infer<typeof FeaturesView>;

export function featuresView(features: CustomerFeatures): FeaturesView {
  return { ...features, premiumPrefixes: [...features.premiumPrefixes] };
}

/** PATCH: absent fields stay as they are, `{}` is 400 as every PATCH's. Rules beyond the shape (digits, the home country code) are the domain's 422s. */
export const FeaturesBody = z
  .strictObject({
  followMe: z.boolean().optional(),
  callerIdSelfManagement: z.boolean().optional(),
  internationalCalls: z.boolean().optional(),
  premiumDestinations: z.boolean().optional(),
  callRecording: z.boolean().optional(),
  voicemail: z.boolean().optional(),
  homeCountryCode: z.string().max(8).nullable().optional().meta({ description: '1 to 3 digits, not starting with 0 (else 422 invalid_home_country_code); null removes it' }),
  premiumPrefixes: z
    .array(z.string().max(32))
    .max(1000)
    .optional()
    .meta({ maxItems: MAX_PREMIUM_PREFIXES, description: `the whole list; each 1 to 15 digits, not starting with 0, distinct (else 422 invalid_premium_prefix / duplicate_premium_prefix); at most ${MAX_PREMIUM_PREFIXES} (too_many_premium_prefixes)` }),
  })
  .refine(notEmpty, 'send at least one feature to change');
export type FeaturesBody = z.infer<typeof FeaturesBody>;

/** The body as the domain's partial change (absent = unchanged). */
export function featureChanges(body: FeaturesBody): Partial<CustomerFeatures> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<CustomerFeatures>;
}

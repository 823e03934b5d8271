import { spec } from '@billing/decider/testing';
import { customerCommandsOfBatch } from '../batch/batch-customers.js';
import { batchDecider } from '../batch/batch.decider.js';
import type { BatchCustomer } from '../batch/batch.commands.js';
import type { CustomerProfileEvent } from '../customer-profile/customer-profile.events.js';
import { customerProfileDecider } from '../customer-profile/customer-profile.decider.js';
import type { CustomerCommand } from '../customer/customer.commands.js';
import { customerDecider } from '../customer/customer.decider.js';
import type { CustomerEvent } from '../customer/customer.events.js';
import { toIntegrationEvent } from '../integration/to-integration.js';
import { audit, customerOpened, openCustomer, SIP_HA1 } from '../testing/fixtures.js';
import { nextAccountNumber } from '../validation/account-number.js';
import { DEFAULT_FEATURES, type CustomerFeatures, type CustomerFeaturesChanged } from './features.types.js';

const itc = { actor: 'admin:root', now: '2025-03-01T10:00:00Z' };
const itcAudit = { actor: 'admin:root', occurredAt: '2025-03-01T10:00:00Z' };
const asAgent = { actor: 'agent:agent-1', now: itc.now };
const asCustomer = { actor: 'customer:customer-1', now: itc.now };

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const fold = (events: CustomerEvent[]) => events.reduce(customerDecider.evolve, customerDecider.initialState());
const setFeatures = (changes: Partial<CustomerFeatures>, meta = itc): CustomerCommand => ({ type: 'SetCustomerFeatures', customerId: 'customer-1', changes, meta });
const featuresChanged = (features: CustomerFeatures): CustomerFeaturesChanged => ({ type: 'CustomerFeaturesChanged', customerId: 'customer-1', ...features, ...itcAudit });
const domestic: CustomerFeatures = { ...DEFAULT_FEATURES, internationalCalls: false, homeCountryCode: '351' };

describe('SetCustomerFeatures', () => {
  it('ITC changes features; the event holds the whole set after the change', () => {
    given([customerOpened])
      .when(setFeatures({ internationalCalls: false, homeCountryCode: '351', callRecording: true, premiumPrefixes: ['3516', '3517'] }))
      .then([featuresChanged({ ...domestic, callRecording: true, premiumPrefixes: ['3516', '3517'] })]);
  });

  it('keeps what the change leaves out (PATCH), and the same set again decides nothing', () => {
    given([customerOpened, featuresChanged(domestic)]).when(setFeatures({ voicemail: true })).then([featuresChanged({ ...domestic, voicemail: true })]);
    given([customerOpened, featuresChanged(domestic)]).when(setFeatures({ internationalCalls: false })).then([]);
    given([customerOpened]).when(setFeatures({})).then([]);
  });

  it('a customer opened before features existed has the defaults: FollowMe, CallerID and international on, the rest off', () => {
    const state = fold([customerOpened]);
    expect(state.status !== 'none' && state.features).toEqual(DEFAULT_FEATURES);
  });

  it('refuses agents and customers (403 features_itc_only)', () => {
    given([customerOpened]).when(setFeatures({ voicemail: true }, asAgent)).thenRejects('PBX features are assigned by ITC only', 'features_itc_only');
    given([customerOpened]).when(setFeatures({ voicemail: true }, asCustomer)).thenRejects('PBX features are assigned by ITC only', 'features_itc_only');
  });

  it('refuses an unknown or closed customer', () => {
    given([]).when(setFeatures({ voicemail: true })).thenRejects('customer not found', 'customer_not_found');
    const closed: CustomerEvent = { type: 'CustomerClosed', customerId: 'customer-1', reason: null, ...audit };
    given([customerOpened, closed]).when(setFeatures({ voicemail: true })).thenRejects('customer is closed', 'customer_closed');
  });

  it('refuses withholding international calls without a home country code', () => {
    given([customerOpened])
      .when(setFeatures({ internationalCalls: false }))
      .thenRejects('international calls can be withheld only from a customer with a home country code (what is not it is international)', 'home_country_code_required');
    given([customerOpened, featuresChanged(domestic)]).when(setFeatures({ homeCountryCode: null })).thenRejects(/home country code/, 'home_country_code_required');
  });

  it.each(['0351', '1234', '', '+351', '35a'])('refuses the home country code %j', (homeCountryCode) => {
    given([customerOpened])
      .when(setFeatures({ homeCountryCode }))
      .thenRejects('home country code must be an E.164 country code: 1 to 3 digits, not starting with 0', 'invalid_home_country_code');
  });

  it('refuses malformed, repeated and too many premium prefixes', () => {
    given([customerOpened]).when(setFeatures({ premiumPrefixes: ['3516', '+3517'] })).thenRejects('premiumPrefixes[1] must be 1 to 15 digits, not starting with 0', 'invalid_premium_prefix');
    given([customerOpened]).when(setFeatures({ premiumPrefixes: ['0900'] })).thenRejects('premiumPrefixes[0] must be 1 to 15 digits, not starting with 0', 'invalid_premium_prefix');
    given([customerOpened]).when(setFeatures({ premiumPrefixes: ['1'.repeat(16)] })).thenRejects('premiumPrefixes[0] must be 1 to 15 digits, not starting with 0', 'invalid_premium_prefix');
    given([customerOpened]).when(setFeatures({ premiumPrefixes: ['3516', '3516'] })).thenRejects('premium prefix 3516 is listed twice', 'duplicate_premium_prefix');
    const many = Array.from({ length: 101 }, (_, i) => String(1000 + i));
    given([customerOpened]).when(setFeatures({ premiumPrefixes: many })).thenRejects('at most 100 premium prefixes', 'too_many_premium_prefixes');
  });

  it('refuses a flag that is not a boolean', () => {
    given([customerOpened])
      .when(setFeatures({ voicemail: 'yes' as unknown as boolean }))
      .thenRejects('feature voicemail must be true or false', 'invalid_feature_flag');
  });
});

describe('features gate the customer’s self-service', () => {
  const noFollowMe = featuresChanged({ ...DEFAULT_FEATURES, followMe: false });
  const noCallerIds = featuresChanged({ ...DEFAULT_FEATURES, callerIdSelfManagement: false });
  const target = { destination: '+447700900123', ringSeconds: 20 };

  it('refuses enabling FollowMe without the feature, for anyone (403 feature_follow_me_not_assigned)', () => {
    for (const meta of [asCustomer, asAgent, itc]) {
      given([customerOpened, noFollowMe])
        .when({ type: 'SetFollowMe', customerId: 'customer-1', enabled: true, targets: [target], meta })
        .thenRejects('ITC has not given this customer the FollowMe feature', 'feature_follow_me_not_assigned');
    }
    given([customerOpened, noFollowMe])
      .when({ type: 'SetFollowMeEnabled', customerId: 'customer-1', enabled: true, meta: asCustomer })
      .thenRejects('ITC has not given this customer the FollowMe feature', 'feature_follow_me_not_assigned');
  });

  it('still lets FollowMe be switched off without the feature', () => {
    const on: CustomerEvent = { type: 'FollowMeChanged', customerId: 'customer-1', enabled: true, targets: [target], ...audit };
    given([customerOpened, on, noFollowMe])
      .when({ type: 'SetFollowMeEnabled', customerId: 'customer-1', enabled: false, meta: asCustomer })
      .then([{ type: 'FollowMeChanged', customerId: 'customer-1', enabled: false, targets: [target], actor: 'customer:customer-1', occurredAt: itc.now }]);
  });

  it('refuses the customer’s own CallerID changes without CallerID self-management; its agent still manages them', () => {
    const message = 'ITC has not given this customer CallerID self-management: its agent manages its CallerIDs';
    const code = 'feature_caller_id_self_management_not_assigned';
    const added: CustomerEvent = { type: 'CallerIdAdded', customerId: 'customer-1', callerId: '+34912345678', callerIds: ['+34912345678'], defaultCallerId: '+34912345678', ...audit };
    given([customerOpened, noCallerIds]).when({ type: 'AddCallerId', customerId: 'customer-1', callerId: '+34911111111', customersMayAddCallerIds: true, meta: asCustomer }).thenRejects(message, code);
    given([customerOpened, added, noCallerIds]).when({ type: 'RemoveCallerId', customerId: 'customer-1', callerId: '+34912345678', meta: asCustomer }).thenRejects(message, code);
    given([customerOpened, added, noCallerIds]).when({ type: 'ChooseDefaultCallerId', customerId: 'customer-1', callerId: '+34912345678', meta: asCustomer }).thenRejects(message, code);
    given([customerOpened, noCallerIds])
      .when({ type: 'AddCallerId', customerId: 'customer-1', callerId: '+34912345678', customersMayAddCallerIds: true, meta: asAgent })
      .then([{ ...added, actor: 'agent:agent-1', occurredAt: itc.now }] as CustomerEvent[]);
  });
});

describe('openings take the profile’s features', () => {
  it('a customer opened with features records them in CustomerOpened and publishes them', () => {
    const events = spec(customerDecider).given([]).when(openCustomer({ features: domestic })).events();
    expect(events).toEqual([expect.objectContaining({ type: 'CustomerOpened', features: domestic })]);
    const state = fold(events as CustomerEvent[]);
    expect(state.status !== 'none' && state.features).toEqual(domestic);
    expect(toIntegrationEvent(events[0] as CustomerEvent)?.data).toMatchObject({ features: domestic });
  });

  it('refuses an opening with broken features', () => {
    given([]).when(openCustomer({ features: { ...DEFAULT_FEATURES, internationalCalls: false } })).thenRejects(/home country code/, 'home_country_code_required');
  });

  it('a batch hands the profile’s features to every customer it opens', () => {
    const customers: BatchCustomer[] = Array.from({ length: 10 }, (_, i) => {
      const accountNumber = nextAccountNumber(i + 1);
      return { customerId: `customer-${i + 1}`, accountNumber, sipUsername: accountNumber, sipHa1: SIP_HA1, portalUsername: `c${accountNumber}` };
    });
    const { type: _type, customerId: _c, accountNumber: _a, sipUsername: _s, sipHa1: _h, portalUsername: _p, contactEmail: _e, batchId: _b, features: _f, meta: _m, ...terms } = openCustomer();
    const [batch] = spec(batchDecider)
      .given([])
      .when({ type: 'OpenCustomerBatch', batchId: 'batch-1', count: 10, ...terms, profileId: 'profile-1', initialBalanceSource: 'operator', customers, features: domestic, meta: itc })
      .events();
    expect(batch).toMatchObject({ type: 'BatchOpened', features: domestic });
    const commands = customerCommandsOfBatch(batch as Parameters<typeof customerCommandsOfBatch>[0]);
    expect(commands.every((command) => command.features === domestic || JSON.stringify(command.features) === JSON.stringify(domestic))).toBe(true);
  });

  it('CustomerFeaturesChanged is published with the instant it takes effect', () => {
    expect(toIntegrationEvent(featuresChanged(domestic))).toMatchObject({
      type: 'accounts.CustomerFeaturesChanged',
      data: { customerId: 'customer-1', ...domestic, effectiveFrom: itcAudit.occurredAt },
    });
  });
});

describe('SetProfileFeatures', () => {
  const created: CustomerProfileEvent = {
    type: 'CustomerProfileCreated',
    profileId: 'profile-1',
    ownerAgentId: 'agent-1',
    name: 'Basic',
    billingType: 'prepaid',
    creditLimitMicros: null,
    rateSheetId: null,
    initialBalanceMicros: 0n,
    lowBalanceThresholdMicros: 0n,
    maxConcurrentCalls: 2,
    maxCallDurationSeconds: 3_600,
    language: 'en',
    ...audit,
  };
  const givenProfile = (events: CustomerProfileEvent[]) => spec(customerProfileDecider).given(events);
  const setProfile = (changes: Partial<CustomerFeatures>, meta = itc) => ({ type: 'SetProfileFeatures' as const, profileId: 'profile-1', changes, meta });

  it('ITC sets the default features of the profile (even an agent’s own profile); the same again decides nothing', () => {
    const changed: CustomerProfileEvent = { type: 'CustomerProfileFeaturesChanged', profileId: 'profile-1', ...domestic, ...itcAudit };
    givenProfile([created]).when(setProfile({ internationalCalls: false, homeCountryCode: '351' })).then([changed]);
    givenProfile([created, changed]).when(setProfile({ homeCountryCode: '351' })).then([]);
  });

  it('refuses the agent who owns the profile (403 features_itc_only), an unknown and an archived profile', () => {
    givenProfile([created]).when(setProfile({ voicemail: true }, asAgent)).thenRejects('PBX features are assigned by ITC only', 'features_itc_only');
    givenProfile([]).when(setProfile({ voicemail: true })).thenRejects('profile not found', 'profile_not_found');
    const archived: CustomerProfileEvent = { type: 'CustomerProfileArchived', profileId: 'profile-1', ...audit };
    givenProfile([created, archived]).when(setProfile({ voicemail: true })).thenRejects('profile is archived', 'profile_archived');
  });

  it('validates like a customer’s set', () => {
    givenProfile([created]).when(setProfile({ premiumPrefixes: ['x'] })).thenRejects('premiumPrefixes[0] must be 1 to 15 digits, not starting with 0', 'invalid_premium_prefix');
  });
});

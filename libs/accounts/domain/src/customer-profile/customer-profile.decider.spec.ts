import { spec } from '@billing/decider/testing';
import type { CreateCustomerProfile, CustomerProfileCommand, UpdateCustomerProfile } from './customer-profile.commands.js';
import { customerProfileDecider } from './customer-profile.decider.js';
import type { CustomerProfileCreated, CustomerProfileEvent } from './customer-profile.events.js';

const meta = { actor: 'agent:agent-1', now: '2025-03-01T10:00:00Z' };
const audit = { actor: 'agent:agent-1', occurredAt: '2025-03-01T10:00:00Z' };
const NAME_RULE = 'name must be 1 to 100 characters without invisible (control or format) characters';
const given = (events: CustomerProfileEvent[]) => spec(customerProfileDecider).given(events);

const create = (overrides: Partial<CreateCustomerProfile> = {}): CreateCustomerProfile => ({
  type: 'CreateCustomerProfile',
  profileId: 'profile-1',
  ownerAgentId: 'agent-1',
  name: 'Prepaid basic',
  billingType: 'prepaid',
  creditLimitMicros: null,
  rateSheetId: null,
  initialBalanceMicros: 5_000_000n,
  lowBalanceThresholdMicros: 1_000_000n,
  maxConcurrentCalls: 2,
  maxCallDurationSeconds: 3_600,
  language: 'en',
  meta,
  ...overrides,
});

const created: CustomerProfileCreated = {
  type: 'CustomerProfileCreated',
  profileId: 'profile-1',
  ownerAgentId: 'agent-1',
  name: 'Prepaid basic',
  billingType: 'prepaid',
  creditLimitMicros: null,
  rateSheetId: null,
  initialBalanceMicros: 5_000_000n,
  lowBalanceThresholdMicros: 1_000_000n,
  maxConcurrentCalls: 2,
  maxCallDurationSeconds: 3_600,
  language: 'en',
  ...audit,
};
const archived: CustomerProfileEvent = { type: 'CustomerProfileArchived', profileId: 'profile-1', ...audit };

const update = (changes: UpdateCustomerProfile['changes']): CustomerProfileCommand => ({ type: 'UpdateCustomerProfile', profileId: 'profile-1', changes, meta });
const { type: _type, profileId: _profileId, ownerAgentId: _owner, actor: _actor, occurredAt: _at, ...createdFields } = created;
const updated = (fields: Partial<typeof createdFields>): CustomerProfileEvent => ({
  type: 'CustomerProfileUpdated',
  profileId: 'profile-1',
  ...createdFields,
  ...fields,
  ...audit,
});

describe('CreateCustomerProfile', () => {
  it('creates an agent profile that inherits the agent rate sheet', () => {
    given([]).when(create()).then([created]);
  });

  it('creates an ITC postpaid profile with its own rate sheet, language in canonical case', () => {
    given([])
      .when(create({ ownerAgentId: null, billingType: 'postpaid', creditLimitMicros: 100_000_000n, rateSheetId: 'sheet-base', language: 'ES-mx' }))
      .then([{ ...created, ownerAgentId: null, billingType: 'postpaid', creditLimitMicros: 100_000_000n, rateSheetId: 'sheet-base', language: 'es-MX' }]);
  });

  it('refuses a language the product does not speak (no pt-BR e-mails or portal); a profile that has one from before keeps it through other changes', () => {
    const message = 'language must be "en" or "es" (or a regional form such as "es-MX"): the languages of the e-mails and the portal';
    given([]).when(create({ language: 'pt-BR' })).thenRejects(message, 'invalid_language');
    given([created]).when(update({ language: 'pt-BR' })).thenRejects(message, 'invalid_language');
    const older = { ...created, language: 'pt-BR' };
    given([older]).when(update({ name: 'Renamed' })).then([updated({ name: 'Renamed', language: 'pt-BR' })]);
  });

  it('accepts a zero credit limit, zero balance and the bounds of every limit', () => {
    expect(
      spec(customerProfileDecider)
        .given([])
        .when(create({ billingType: 'postpaid', creditLimitMicros: 0n, initialBalanceMicros: 0n, maxConcurrentCalls: 1000, maxCallDurationSeconds: 60 }))
        .events(),
    ).toHaveLength(1);
    expect(spec(customerProfileDecider).given([]).when(create({ maxConcurrentCalls: 1, maxCallDurationSeconds: 86_400 })).events()).toHaveLength(1);
  });

  it('is idempotent', () => given([created]).when(create()).thenNothing());

  it('refuses a different profile under an existing id', () => {
    given([created]).when(create({ name: 'Other' })).thenRejects('profile already exists', 'profile_exists');
  });

  it.each<[Partial<CreateCustomerProfile>, string, string]>([
    [{ billingType: 'prepaid', creditLimitMicros: 1n }, 'a prepaid account has no credit limit', 'credit_limit_not_allowed'],
    [{ billingType: 'postpaid', creditLimitMicros: null }, 'a postpaid account needs a credit limit', 'credit_limit_required'],
    [{ billingType: 'postpaid', creditLimitMicros: -1n }, 'credit limit must not be negative', 'invalid_credit_limit'],
    [{ billingType: 'credit' as never }, 'billing type must be prepaid or postpaid', 'invalid_billing_type'],
    [{ initialBalanceMicros: -1n }, 'initial balance must not be negative', 'invalid_initial_balance'],
    [{ lowBalanceThresholdMicros: -1n }, 'low-balance threshold must not be negative', 'invalid_low_balance_threshold'],
    [{ maxConcurrentCalls: 0 }, 'max concurrent calls must be a whole number from 1 to 1000', 'invalid_max_concurrent_calls'],
    [{ maxConcurrentCalls: 1001 }, 'max concurrent calls must be a whole number from 1 to 1000', 'invalid_max_concurrent_calls'],
    [{ maxConcurrentCalls: 1.5 }, 'max concurrent calls must be a whole number from 1 to 1000', 'invalid_max_concurrent_calls'],
    [{ maxCallDurationSeconds: 59 }, 'max call duration must be a whole number of seconds from 60 to 86400', 'invalid_max_call_duration'],
    [{ maxCallDurationSeconds: 86_401 }, 'max call duration must be a whole number of seconds from 60 to 86400', 'invalid_max_call_duration'],
    [{ language: 'english' }, 'language must be "en" or "es" (or a regional form such as "es-MX"): the languages of the e-mails and the portal', 'invalid_language'],
    [{ rateSheetId: '' }, 'rate sheet must be a rate sheet id', 'invalid_rate_sheet'],
    [{ name: '' }, NAME_RULE, 'invalid_name'],
    [{ name: ' \u00a0 ' }, NAME_RULE, 'invalid_name'],
    [{ name: 'Prepaid\u200bbasic' }, NAME_RULE, 'invalid_name'],
    [{ name: '\ufeffPrepaid basic' }, NAME_RULE, 'invalid_name'],
    [{ name: 'Prepaid \u202ebasic' }, NAME_RULE, 'invalid_name'],
  ])('rejects %p', (overrides, message, code) => {
    given([]).when(create(overrides)).thenRejects(message, code);
  });

  it('stores the name in its normal form: trimmed, NFC, each run of whitespace one space', () => {
    given([]).when(create({ name: '  Prepaid\u00a0\u00a0basic ' })).then([created]);
    given([]).when(create({ name: 'Cafe\u0301 basic' })).then([{ ...created, name: 'Caf\u00e9 basic' }]);
  });
});

describe('UpdateCustomerProfile', () => {
  it('emits the whole profile after the change', () => {
    given([created]).when(update({ maxConcurrentCalls: 5, name: 'Prepaid plus' })).then([updated({ maxConcurrentCalls: 5, name: 'Prepaid plus' })]);
  });

  it('switches to postpaid with a credit limit', () => {
    given([created])
      .when(update({ billingType: 'postpaid', creditLimitMicros: 20_000_000n }))
      .then([updated({ billingType: 'postpaid', creditLimitMicros: 20_000_000n })]);
  });

  it('switching to prepaid drops the credit limit', () => {
    const postpaid = { ...created, billingType: 'postpaid' as const, creditLimitMicros: 20_000_000n };
    given([postpaid]).when(update({ billingType: 'prepaid' })).then([updated({ billingType: 'prepaid', creditLimitMicros: null })]);
  });

  it('refuses postpaid without a credit limit, and a credit limit on prepaid', () => {
    given([created]).when(update({ billingType: 'postpaid' })).thenRejects('a postpaid account needs a credit limit', 'credit_limit_required');
    given([created]).when(update({ creditLimitMicros: 1n })).thenRejects('a prepaid account has no credit limit', 'credit_limit_not_allowed');
  });

  it('can set or clear its own rate sheet', () => {
    given([created]).when(update({ rateSheetId: 'sheet-gold' })).then([updated({ rateSheetId: 'sheet-gold' })]);
    given([{ ...created, rateSheetId: 'sheet-gold' }]).when(update({ rateSheetId: null })).then([updated({ rateSheetId: null })]);
  });

  it('a rename is normalised and checked; a name stored before the names rule stays until it is changed', () => {
    given([created]).when(update({ name: ' Prepaid\u2003plus ' })).then([updated({ name: 'Prepaid plus' })]);
    given([created]).when(update({ name: 'Prepaid\u200bplus' })).thenRejects(NAME_RULE, 'invalid_name');
    const legacy = { ...created, name: 'Prepaid  basic\u200b' };
    given([legacy]).when(update({ maxConcurrentCalls: 5 })).then([updated({ name: 'Prepaid  basic\u200b', maxConcurrentCalls: 5 })]);
  });

  it('is idempotent: same values or no changes decide nothing', () => {
    given([created]).when(update({ maxConcurrentCalls: 2, language: 'EN' })).thenNothing();
    given([created]).when(update({})).thenNothing();
    given([created]).when(update({ name: undefined })).thenNothing();
  });

  it('rejects an invalid change, an archived and an unknown profile', () => {
    given([created]).when(update({ maxConcurrentCalls: 0 })).thenRejects('max concurrent calls must be a whole number from 1 to 1000', 'invalid_max_concurrent_calls');
    given([created, archived]).when(update({ name: 'x' })).thenRejects('profile is archived', 'profile_archived');
    given([]).when(update({ name: 'x' })).thenRejects('profile not found', 'profile_not_found');
  });
});

describe('ArchiveCustomerProfile', () => {
  const archive: CustomerProfileCommand = { type: 'ArchiveCustomerProfile', profileId: 'profile-1', meta };

  it('archives', () => given([created]).when(archive).then([archived]));
  it('is idempotent', () => given([created, archived]).when(archive).thenNothing());
  it('rejects an unknown profile', () => given([]).when(archive).thenRejects('profile not found', 'profile_not_found'));
});

describe('evolve', () => {
  it('keeps the owner and applies updates', () => {
    const state = [created, updated({ billingType: 'postpaid', creditLimitMicros: 1n }), archived].reduce(
      customerProfileDecider.evolve,
      customerProfileDecider.initialState(),
    );
    expect(state).toMatchObject({ status: 'archived', ownerAgentId: 'agent-1', billingType: 'postpaid', creditLimitMicros: 1n });
  });

  it('asserts instead of accepting a broken history', () => {
    expect(() => customerProfileDecider.evolve(customerProfileDecider.initialState(), { ...created, creditLimitMicros: 5n })).toThrow(
      'a prepaid account has no credit limit',
    );
    expect(() => customerProfileDecider.evolve(customerProfileDecider.initialState(), archived)).toThrow('before CustomerProfileCreated');
  });
});

import { spec } from '@billing/decider/testing';
import { audit, customerOpened, meta, postpaidOpened, SIP_HA1 } from '../testing/fixtures.js';
import type { ChangeCustomerSettings, CustomerCommand } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerSettings } from './customer.state.js';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const settings = (changes: ChangeCustomerSettings['changes']): CustomerCommand => ({ type: 'ChangeCustomerSettings', customerId: 'customer-1', changes, meta });
const current: CustomerSettings = { lowBalanceThresholdMicros: 1_000_000n, contactEmail: 'jane@example.com', language: 'en', lowBalanceEmailEnabled: true };
const settingsChanged = (fields: Partial<typeof current>): CustomerEvent => ({
  type: 'CustomerSettingsChanged',
  customerId: 'customer-1',
  ...current,
  ...fields,
  ...audit,
});

describe('ChangeCustomerSettings', () => {
  it('carries every setting after the change', () => {
    given([customerOpened]).when(settings({ lowBalanceThresholdMicros: 2_500_000n })).then([settingsChanged({ lowBalanceThresholdMicros: 2_500_000n })]);
  });

  it('changes e-mail, language and opts out of low-balance mail', () => {
    given([customerOpened])
      .when(settings({ contactEmail: ' john@Example.ORG ', language: 'es', lowBalanceEmailEnabled: false }))
      .then([settingsChanged({ contactEmail: 'john@example.org', language: 'es', lowBalanceEmailEnabled: false })]);
  });

  it('removes the e-mail with null', () => {
    given([customerOpened]).when(settings({ contactEmail: null })).then([settingsChanged({ contactEmail: null })]);
  });

  it('is idempotent', () => {
    given([customerOpened]).when(settings({ language: 'EN', contactEmail: 'jane@example.com' })).thenNothing();
    given([customerOpened]).when(settings({})).thenNothing();
  });

  it.each<[ChangeCustomerSettings['changes'], string, string]>([
    [{ lowBalanceThresholdMicros: -1n }, 'low-balance threshold must not be negative', 'invalid_low_balance_threshold'],
    [{ contactEmail: 'jane at example.com' }, 'contact e-mail is not a valid address', 'invalid_email'],
    [{ contactEmail: `${'a'.repeat(65)}@example.com` }, 'contact e-mail is not a valid address', 'invalid_email'],
    [{ language: 'spanish' }, 'language must be "en" or "es" (or a regional form such as "es-MX"): the languages of the e-mails and the portal', 'invalid_language'],
    [{ language: 'pt-BR' }, 'language must be "en" or "es" (or a regional form such as "es-MX"): the languages of the e-mails and the portal', 'invalid_language'],
  ])('rejects %p', (changes, message, code) => {
    given([customerOpened]).when(settings(changes)).thenRejects(message, code);
  });

  it('refuses an unknown customer', () => given([]).when(settings({})).thenRejects('customer not found', 'customer_not_found'));
});

describe('ChangeCustomerRateSheet', () => {
  const change = (rateSheetId: string): CustomerCommand => ({ type: 'ChangeCustomerRateSheet', customerId: 'customer-1', rateSheetId, meta });

  it('records old and new rate sheet', () => {
    given([customerOpened])
      .when(change('sheet-gold'))
      .then([{ type: 'CustomerRateSheetChanged', customerId: 'customer-1', previousRateSheetId: 'sheet-base', rateSheetId: 'sheet-gold', ...audit }]);
  });

  it('is idempotent', () => given([customerOpened]).when(change('sheet-base')).thenNothing());
  it('rejects a blank id', () => given([customerOpened]).when(change('')).thenRejects('rate sheet must be a rate sheet id', 'invalid_rate_sheet'));
  it('refuses an unknown customer', () => given([]).when(change('x')).thenRejects('customer not found', 'customer_not_found'));
});

describe('ChangeCustomerCreditLimit', () => {
  const change = (creditLimitMicros: bigint): CustomerCommand => ({ type: 'ChangeCustomerCreditLimit', customerId: 'customer-1', creditLimitMicros, meta });

  it('records old and new limit of a postpaid customer', () => {
    given([postpaidOpened])
      .when(change(0n))
      .then([{ type: 'CustomerCreditLimitChanged', customerId: 'customer-1', previousCreditLimitMicros: 20_000_000n, creditLimitMicros: 0n, ...audit }]);
  });

  it('is idempotent', () => given([postpaidOpened]).when(change(20_000_000n)).thenNothing());
  it('refuses a prepaid customer', () =>
    given([customerOpened]).when(change(1n)).thenRejects('a prepaid account has no credit limit', 'credit_limit_not_allowed'));
  it('refuses a negative limit', () => given([postpaidOpened]).when(change(-1n)).thenRejects('credit limit must not be negative', 'invalid_credit_limit'));
  it('refuses an unknown customer', () => given([]).when(change(1n)).thenRejects('customer not found', 'customer_not_found'));
});

describe('ChangeSipPassword', () => {
  const change = (sipHa1: string): CustomerCommand => ({ type: 'ChangeSipPassword', customerId: 'customer-1', sipHa1, meta });
  const NEW_HA1 = '0123456789abcdef0123456789abcdef';

  it('stores the new HA1', () =>
    given([customerOpened]).when(change(NEW_HA1)).then([{ type: 'SipPasswordChanged', customerId: 'customer-1', sipHa1: NEW_HA1, ...audit }]));
  it('is idempotent', () => given([customerOpened]).when(change(SIP_HA1)).thenNothing());
  it('refuses anything but an HA1 (never a clear password)', () =>
    given([customerOpened]).when(change('hunter2')).thenRejects('SIP HA1 must be 32 lowercase hex digits', 'invalid_sip_ha1'));
});

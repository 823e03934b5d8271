import { spec } from '@billing/decider/testing';
import { customerOpened, openCustomer } from '../testing/fixtures.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);

describe('OpenCustomer', () => {
  it('opens a customer with the copied terms, low-balance mail on', () => {
    given([]).when(openCustomer()).then([customerOpened]);
  });

  it('normalises the portal username, e-mail domain and language', () => {
    given([])
      .when(openCustomer({ portalUsername: ' C1000000016 ', contactEmail: 'jane@EXAMPLE.com', language: 'EN-gb' }))
      .then([{ ...customerOpened, language: 'en-GB' }]);
  });

  it('opens an ITC-direct customer funded by ITC, without an e-mail', () => {
    given([])
      .when(openCustomer({ agentId: null, initialBalanceSource: 'operator', contactEmail: null }))
      .then([{ ...customerOpened, agentId: null, initialBalanceSource: 'operator', contactEmail: null }]);
  });

  it('opens a postpaid customer of a batch', () => {
    given([])
      .when(openCustomer({ billingType: 'postpaid', creditLimitMicros: 0n, batchId: 'batch-1', initialBalanceMicros: 0n }))
      .then([{ ...customerOpened, billingType: 'postpaid', creditLimitMicros: 0n, batchId: 'batch-1', initialBalanceMicros: 0n }]);
  });

  it('is idempotent: the same opening retried decides nothing, even after later changes', () => {
    given([customerOpened]).when(openCustomer()).thenNothing();
    given([customerOpened, { type: 'CustomerSuspended', customerId: 'customer-1', reason: null, actor: 'admin:1', occurredAt: '2025-03-02T00:00:00Z' }])
      .when(openCustomer())
      .thenNothing();
  });

  it('refuses another opening under the same id', () => {
    given([customerOpened]).when(openCustomer({ accountNumber: '1000000024' })).thenRejects('customer already opened', 'customer_exists');
  });

  it.each<[Partial<Parameters<typeof openCustomer>[0]>, string, string]>([
    [{ accountNumber: '1000000017' }, 'account number must be 10 digits with a valid check digit', 'invalid_account_number'],
    [{ accountNumber: '100000001' }, 'account number must be 10 digits with a valid check digit', 'invalid_account_number'],
    [{ sipUsername: 'Jane' }, 'SIP username must be 3 to 32 characters: lowercase letters, digits and . _ -', 'invalid_sip_username'],
    [{ sipHa1: 'secret' }, 'SIP HA1 must be 32 lowercase hex digits', 'invalid_sip_ha1'],
    [{ portalUsername: 'x' }, 'username must be 3 to 64 characters: lowercase letters, digits and . _ @ -', 'invalid_username'],
    [{ contactEmail: 'jane@' }, 'contact e-mail is not a valid address', 'invalid_email'],
    [{ agentId: null, initialBalanceSource: 'agent' }, 'an ITC-direct customer cannot be funded from an agent balance', 'invalid_initial_balance_source'],
    [{ creditLimitMicros: 1n }, 'a prepaid account has no credit limit', 'credit_limit_not_allowed'],
    [{ billingType: 'postpaid', creditLimitMicros: null }, 'a postpaid account needs a credit limit', 'credit_limit_required'],
    [{ initialBalanceMicros: -1n }, 'initial balance must not be negative', 'invalid_initial_balance'],
    [{ maxConcurrentCalls: 0 }, 'max concurrent calls must be a whole number from 1 to 1000', 'invalid_max_concurrent_calls'],
    [{ language: 'e' }, 'language must be "en" or "es" (or a regional form such as "es-MX"): the languages of the e-mails and the portal', 'invalid_language'],
    [{ rateSheetId: '' }, 'rate sheet must be a rate sheet id', 'invalid_rate_sheet'],
  ])('rejects %p', (overrides, message, code) => {
    given([]).when(openCustomer(overrides)).thenRejects(message, code);
  });
});

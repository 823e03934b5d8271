// GET /api/v1/portal/config against a real app: public, the deployment's facts, null without a
// Stripe publishable key, documented in the OpenAPI document.
import { jest } from '@jest/globals';
import { openScenario, type Scenario } from './__fixtures__/scenario.js';

jest.setTimeout(60_000);

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.cleanup();
  scenario = undefined;
});

it('answers the currency, the publishable key, the languages and the SIP realm without a login', async () => {
  scenario = await openScenario({ env: { BILLING_CURRENCY: 'EUR', STRIPE_PUBLISHABLE_KEY: 'pk_test_51PortalKey0123', SIP_REALM: 'sip.itc.example' } });
  const res = await scenario.gateway.request('GET', '/api/v1/portal/config');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ currency: 'EUR', stripePublishableKey: 'pk_test_51PortalKey0123', languages: ['en', 'es'], sipRealm: 'sip.itc.example' });
  // a token changes nothing (it is the same for everyone)
  expect((await scenario.get('customer', '/api/v1/portal/config')).body).toEqual(res.body);

  const doc = await scenario.gateway.request('GET', '/api/docs-json');
  const operation = doc.body.paths['/api/v1/portal/config'].get;
  expect(operation.security).toEqual([{}]);
  expect(Object.keys(operation.responses['200'].content['application/json'].schema.properties).sort()).toEqual(['currency', 'languages', 'sipRealm', 'stripePublishableKey']);
});

it('answers stripePublishableKey null when card top-up is not configured', async () => {
  scenario = await openScenario();
  const res = await scenario.gateway.request('GET', '/api/v1/portal/config');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ currency: 'USD', stripePublishableKey: null, languages: ['en', 'es'], sipRealm: 'localhost' });
});

import { serviceFor } from './service-routes.js';

describe('serviceFor: the routing table of the distributed gateway', () => {
  it.each([
    ['/api/v1/agents', 'accounts'],
    ['/api/v1/agents/a1', 'accounts'],
    ['/api/v1/agents/a1/changes', 'accounts'],
    ['/api/v1/customers/batch', 'accounts'],
    ['/api/v1/customers/c1/follow-me', 'accounts'],
    ['/api/v1/customers/c1/caller-ids/+4420', 'accounts'],
    ['/api/v1/customer-profiles?limit=5', 'accounts'],
    ['/api/v1/switch/directory', 'accounts'],
    ['/api/v1/agents/a1/deposits', 'wallet'],
    ['/api/v1/agents/a1/overview', 'wallet'],
    ['/api/v1/agents/a1/commission-transfers', 'wallet'],
    ['/api/v1/customers/c1/deposits/d1/reversals', 'wallet'],
    ['/api/v1/customers/c1/transactions?cursor=x', 'wallet'],
    ['/api/v1/payments/card-deposits', 'wallet'],
    ['/api/v1/webhooks/stripe', 'wallet'],
    ['/api/v1/wallet/projections/rebuild', 'wallet'],
    ['/api/v1/switch/authorize', 'rating'],
    ['/api/v1/switch/cdrs/asterisk-csv', 'rating'],
    ['/api/v1/rate-sheets/s1/derived', 'rating'],
    ['/api/v1/customers/c1/calls?format=csv', 'rating'],
    ['/api/v1/agents/a1/calls/summary', 'rating'],
    ['/api/v1/customers/c1/rates/lookup?number=44', 'rating'],
    ['/api/v1/agents/a1/rates', 'rating'],
    ['/api/v1/calls/unrated', 'rating'],
    ['/api/v1/notifications', 'notifications'],
  ])('%s → %s', (path, service) => {
    expect(serviceFor(path)).toBe(service);
  });

  it.each(['/health', '/api/docs', '/api/v1/auth/login', '/api/v1/reports/live', '/api/v1/customersX', '/api/v2/agents'])('%s stays with the gateway', (path) => {
    expect(serviceFor(path)).toBeUndefined();
  });

  // the services call each other's internal routes directly; through the public gateway they are a 404
  it.each([
    '/api/v1/internal/wallet/holds',
    '/api/v1/internal/wallet/holds/charges',
    '/api/v1/internal/wallet/agents/ag-1/initial-balance-reservations',
    '/api/v1/internal/wallet/accounts-catch-up',
    '/api/v1/internal/rating/sheets/itc-base',
    '/api/v1/internal/rating/accounts-catch-up',
    '/api/v1/internal/accounts/history?account=c1',
  ])('%s is not forwarded (internal)', (path) => {
    expect(serviceFor(path)).toBeUndefined();
  });
});

// PBX features ITC assigns, as POST /switch/authorize enforces them (issue 13 §3): a call outside the
// customer's home country without international calls, or to a premium prefix without premium
// destinations, is refused with the reason and the missing feature, before anything is held; a
// change takes effect at its instant; FollowMe reaches the switch only with the feature. The
// features arrive as accounts' v1 events (CustomerOpened.features, CustomerFeaturesChanged).
import type { CustomerFeaturesV1 } from '@billing/contracts';
import { parseMoney } from '@billing/money';
import { customerFollowMeChanged, customerOpened, type AccountsEventDraft } from './__fixtures__/fake-accounts.js';
import { RatingTestApp, waitFor } from './__fixtures__/rating-test-app.js';

const row = (prefix: string, destination: string, ratePerMinute: string) => ({ prefix, destination, intervals: [{ startSecond: 0, ratePerMinute, incrementSeconds: 1 }] });
const DEFAULTS: CustomerFeaturesV1 = {
  followMe: true,
  callerIdSelfManagement: true,
  internationalCalls: true,
  premiumDestinations: false,
  callRecording: false,
  voicemail: false,
  homeCountryCode: null,
  premiumPrefixes: [],
};
const DOMESTIC: CustomerFeaturesV1 = { ...DEFAULTS, internationalCalls: false, homeCountryCode: '351', premiumPrefixes: ['3516'] };

describe('PBX features in call authorization', () => {
  let app: RatingTestApp;
  let n = 0;
  const authorize = (account: string, destination: string) => app.switch('POST', '/api/v1/switch/authorize', { callId: `feat-${(n += 1)}`, account, callerId: '', destination });
  const featureRows = async (customerId: string) =>
    ((await app.pool.query<{ history: unknown[] }>(`SELECT history FROM ${app.db.table('customer_features')} WHERE customer_id = $1`, [customerId])).rows[0]?.history ?? []).length;

  /** accounts.CustomerFeaturesChanged, in force from `effectiveFrom`; waits until rating has it. */
  async function assign(customerId: string, features: CustomerFeaturesV1, effectiveFrom = new Date().toISOString()): Promise<void> {
    const before = await featureRows(customerId);
    const draft: AccountsEventDraft<'accounts.CustomerFeaturesChanged'> = {
      type: 'accounts.CustomerFeaturesChanged',
      aggregateId: customerId,
      data: { customerId, ...features, effectiveFrom, actor: 'admin:itc', occurredAt: effectiveFrom },
    };
    await app.accounts.publish(draft);
    await waitFor(async () => (await featureRows(customerId)) > before, 20_000, `features of ${customerId} in rating`);
  }

  beforeAll(async () => {
    app = await RatingTestApp.start();
    const rows = [row('351', 'Portugal', '0.06'), row('3516', 'Portugal premium', '1.20'), row('44', 'United Kingdom', '0.12')];
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'feat', name: 'Features', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('refuses an international call when ITC has not given international calls, naming the feature, and holds nothing', async () => {
    const customer = await app.openCustomer('intl', { rateSheetId: 'feat', initialBalance: '1000' });
    // today's customers keep calling abroad (the defaults)
    expect((await authorize(customer.accountNumber, '+442079460958')).body).toMatchObject({ allowed: true, reason: null, feature: null });
    await assign('intl', DOMESTIC);
    const refused = await authorize(customer.accountNumber, '+442079460958');
    expect(refused.body).toMatchObject({ allowed: false, maxDurationSeconds: 0, reason: 'feature_international_calls_not_assigned', feature: 'internationalCalls', granted: '0' });
    // a domestic call still goes through
    const home = await authorize(customer.accountNumber, '00351 21 234 5678');
    expect(home.body).toMatchObject({ allowed: true, feature: null });
    const held = (await app.wallet('intl'))!.heldMicros;
    // given back: from the instant of the change on
    await assign('intl', { ...DOMESTIC, internationalCalls: true });
    expect((await authorize(customer.accountNumber, '+442079460958')).body).toMatchObject({ allowed: true });
    expect((await app.wallet('intl'))!.heldMicros).toBeGreaterThan(held);
  });

  it('refuses a premium prefix without premium destinations, even at home', async () => {
    const customer = await app.openCustomer('premium', { rateSheetId: 'feat', initialBalance: '1000' });
    await assign('premium', DOMESTIC);
    expect((await authorize(customer.accountNumber, '+351607123456')).body).toMatchObject({
      allowed: false,
      reason: 'feature_premium_destinations_not_assigned',
      feature: 'premiumDestinations',
    });
    expect((await app.wallet('premium'))!.heldMicros).toBe(0n);
    await assign('premium', { ...DOMESTIC, premiumDestinations: true });
    expect((await authorize(customer.accountNumber, '+351607123456')).body).toMatchObject({ allowed: true, ratePerMinute: '1.2' });
  });

  it('a change dated later is not in force yet: calls are judged by the set at their start', async () => {
    const customer = await app.openCustomer('later', { rateSheetId: 'feat', initialBalance: '1000' });
    await assign('later', DOMESTIC, new Date(Date.now() + 3_600_000).toISOString());
    expect((await authorize(customer.accountNumber, '+442079460958')).body).toMatchObject({ allowed: true });
  });

  it('a customer opened with features (from its profile) is refused from its first call', async () => {
    const opened = customerOpened('opened-domestic', { rateSheetId: 'feat', initialBalance: '5' });
    opened.data.features = DOMESTIC;
    await app.accounts.publish(opened);
    await waitFor(async () => (await app.wallet('opened-domestic'))?.balanceMicros === parseMoney('5'), 20_000, 'the opening in wallet');
    await waitFor(async () => (await featureRows('opened-domestic')) === 1, 20_000, 'the opening in rating');
    expect((await authorize(opened.data.accountNumber, '+442079460958')).body).toMatchObject({ reason: 'feature_international_calls_not_assigned', feature: 'internationalCalls' });
  });

  it('FollowMe goes to the switch only while the customer has the feature', async () => {
    const customer = await app.openCustomer('follow', { rateSheetId: 'feat', initialBalance: '1000' });
    await app.accounts.publish(customerFollowMeChanged('follow', [{ destination: '+351912345678', ringSeconds: 20 }]));
    await waitFor(
      async () => (await app.pool.query(`SELECT 1 FROM ${app.db.table('customers')} WHERE customer_id = 'follow' AND follow_me IS NOT NULL`)).rowCount === 1,
      20_000,
      'the FollowMe in rating',
    );
    expect((await authorize(customer.accountNumber, '+351212345678')).body).toMatchObject({ allowed: true, followMe: { enabled: true } });
    await assign('follow', { ...DEFAULTS, followMe: false });
    expect((await authorize(customer.accountNumber, '+351212345678')).body).toMatchObject({ allowed: true, followMe: null });
  });
});

// POST /api/v1/payments/card-deposits end to end: the real `stripe` library sends its requests to
// a local recorder (STRIPE_API_BASE), which asserts exactly what Stripe would receive.
import { PaymentsTestApp, TEST_SECRET_KEY } from './__fixtures__/payments-test-app.js';

describe('card deposits: creating the PaymentIntent', () => {
  let app: PaymentsTestApp;
  let agentToken: string;
  let customerToken: string;

  beforeAll(async () => {
    app = await PaymentsTestApp.start();
    await app.openAgent('ag-1', '10');
    await app.openCustomer('cu-1', 'ag-1');
    agentToken = await app.token('agent', 'ag-1');
    customerToken = await app.token('customer', 'cu-1');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  beforeEach(() => app.recorder.clear());

  it('an agent tops up its own main balance: amount in cents, metadata tying it to the agent, Stripe idempotency key', async () => {
    const res = await app.startCardDeposit(agentToken, { amount: '25.5' }, 'agent-topup-1');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ paymentIntentId: expect.stringMatching(/^pi_test_/), clientSecret: expect.stringMatching(/_secret_/), amount: '25.5', currency: 'USD' });

    expect(app.recorder.requests).toHaveLength(1);
    const sent = app.recorder.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/payment_intents');
    expect(sent.headers.authorization).toBe(`Bearer ${TEST_SECRET_KEY}`);
    expect(sent.headers['idempotency-key']).toMatch(/^card-deposit-[0-9a-f-]{36}$/);
    expect(sent.form).toMatchObject({
      amount: '2550',
      currency: 'usd',
      'metadata[kind]': 'agent',
      'metadata[holder_id]': 'ag-1',
      'metadata[amount_micros]': '25500000',
      'metadata[currency]': 'USD',
      'automatic_payment_methods[enabled]': 'true',
    });
    // the request is recorded in the payment's stream for the webhook to cross-check
    const { state } = await app.payments.loadPayment(res.body.paymentIntentId);
    expect(state.requested).toEqual({ holder: { kind: 'agent', id: 'ag-1' }, amountMicros: 25_500_000n, currency: 'USD' });
  });

  it('the same Idempotency-Key answers the same PaymentIntent without asking Stripe again; another key is another payment', async () => {
    const first = await app.startCardDeposit(customerToken, { amount: '10' }, 'topup-key-A');
    const again = await app.startCardDeposit(customerToken, { amount: '10' }, 'topup-key-A');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(app.recorder.requests).toHaveLength(1);

    const other = await app.startCardDeposit(customerToken, { amount: '10' }, 'topup-key-B');
    expect(other.body.paymentIntentId).not.toBe(first.body.paymentIntentId);
    expect(app.recorder.requests[1]!.headers['idempotency-key']).not.toBe(app.recorder.requests[0]!.headers['idempotency-key']);

    const otherBody = await app.startCardDeposit(customerToken, { amount: '11' }, 'topup-key-A');
    expect(otherBody.status).toBe(422);
  });

  it('a customer tops up its own call balance', async () => {
    const res = await app.startCardDeposit(customerToken, { amount: '0.5' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: '0.5', currency: 'USD' });
    expect(app.recorder.requests[0]!.form).toMatchObject({ amount: '50', 'metadata[kind]': 'customer', 'metadata[holder_id]': 'cu-1', 'metadata[amount_micros]': '500000' });
  });

  it('an amount that is not a whole number of cents is a 422 and Stripe is never asked', async () => {
    const res = await app.startCardDeposit(customerToken, { amount: '10.001' });
    expect(res.status).toBe(422);
    expect(res.contentType).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'amount_not_convertible', detail: '10.001 cannot be charged by card: USD amounts have at most 2 decimal places.' });
    expect(app.recorder.requests).toHaveLength(0);
  });

  it('money must be a decimal string; only agents and customers start card payments', async () => {
    expect((await app.startCardDeposit(customerToken, { amount: 10 })).status).toBe(400);
    expect((await app.startCardDeposit(customerToken, { amount: '0' })).status).toBe(400);
    expect((await app.startCardDeposit(customerToken, { amount: '10', customerId: 'cu-2' })).status).toBe(400);
    expect((await app.startCardDeposit(await app.token('admin', 'admin'), { amount: '10' })).status).toBe(403);
    expect((await app.request('POST', '/api/v1/payments/card-deposits', { body: { amount: '10' } })).status).toBe(401);
    expect(app.recorder.requests).toHaveLength(0);
  });

  it('a closed account cannot be topped up (409), an unknown one is a 404', async () => {
    await app.openCustomer('cu-closed', 'ag-1');
    await app.accounts.customerClosed('cu-closed');
    const deadline = Date.now() + 10_000;
    while ((await app.account('customer:cu-closed')).status !== 'closed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await app.waitForProjections();
    const closedToken = await app.token('customer', 'cu-closed');
    let res = await app.startCardDeposit(closedToken, { amount: '10' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'account_closed', detail: 'customer account is closed' });

    res = await app.startCardDeposit(await app.token('customer', 'cu-nobody'), { amount: '10' });
    expect(res.status).toBe(404);
    expect(app.recorder.requests).toHaveLength(0);
  });

  it("Stripe's refusal is a 422 with its reason; Stripe failing is a 502 and the same key can be retried", async () => {
    app.recorder.failNext(400, { type: 'invalid_request_error', message: 'Amount must be at least $0.50 usd' });
    const refused = await app.startCardDeposit(customerToken, { amount: '0.1' }, 'small-1');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'payment_provider_refused', detail: 'The payment provider refused the payment: Amount must be at least $0.50 usd' });

    app.recorder.failNext(500, { type: 'api_error', message: 'boom' });
    const failed = await app.startCardDeposit(customerToken, { amount: '12' }, 'retry-1');
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ code: 'payment_provider_error' });
    const retried = await app.startCardDeposit(customerToken, { amount: '12' }, 'retry-1');
    expect(retried.status).toBe(201);
    // the retry sent Stripe the same idempotency key as the failed attempt
    const keys = app.recorder.requests.slice(-2).map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);

    // Stripe still knows a key the gateway forgot, with another request
    app.recorder.failNext(400, { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters' });
    const reused = await app.startCardDeposit(customerToken, { amount: '13' }, 'old-key');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused' });
  });
});

describe('card deposits in other currencies', () => {
  it('JPY has no minor unit: 1500 yen is amount 1500; 1500.5 is a 422', async () => {
    const app = await PaymentsTestApp.start({ currency: 'JPY' });
    try {
      await app.openAgent('ag-jp', '10');
      const token = await app.token('agent', 'ag-jp');
      const res = await app.startCardDeposit(token, { amount: '1500' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ amount: '1500', currency: 'JPY' });
      expect(app.recorder.requests[0]!.form).toMatchObject({ amount: '1500', currency: 'jpy', 'metadata[amount_micros]': '1500000000', 'metadata[currency]': 'JPY' });

      const fraction = await app.startCardDeposit(token, { amount: '1500.5' });
      expect(fraction.status).toBe(422);
      expect(fraction.body.detail).toBe('1500.5 cannot be charged by card: JPY amounts must be whole units: JPY has no minor unit.');
    } finally {
      await app.close();
    }
  }, 60_000);

  it('BHD has three decimals: 1.234 is amount 1234', async () => {
    const app = await PaymentsTestApp.start({ currency: 'BHD' });
    try {
      await app.openAgent('ag-bh', '10');
      const res = await app.startCardDeposit(await app.token('agent', 'ag-bh'), { amount: '1.234' });
      expect(res.status).toBe(201);
      expect(app.recorder.requests[0]!.form).toMatchObject({ amount: '1234', currency: 'bhd' });
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('card payments without Stripe keys', () => {
  it('the product starts; both card endpoints answer 503 with a clear message; the rest works', async () => {
    const app = await PaymentsTestApp.start({ stripe: false });
    try {
      await app.openAgent('ag-off', '10');
      const token = await app.token('agent', 'ag-off');
      const create = await app.startCardDeposit(token, { amount: '10' });
      expect(create.status).toBe(503);
      expect(create.contentType).toMatch(/application\/problem\+json/);
      expect(create.body).toMatchObject({ code: 'card_payments_disabled', detail: expect.stringContaining('set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET') });

      const webhook = await app.sendWebhook({ id: 'evt_1', type: 'payment_intent.succeeded' });
      expect(webhook.status).toBe(503);
      expect(webhook.body).toMatchObject({ code: 'card_payments_disabled' });
      expect(app.recorder.requests).toHaveLength(0);

      expect((await app.request('GET', '/api/v1/agents/ag-off/overview', { token })).status).toBe(200);
      expect((await app.request('GET', '/health')).status).toBe(200);
    } finally {
      await app.close();
    }
  }, 60_000);
});

// Card top-up in Chromium against a second product instance configured for Stripe: the secret
// key and webhook secret set, STRIPE_API_BASE pointed at the local recorder (the stand-in for
// api.stripe.com the integration tests use with the real `stripe` library) and a pk_test_ key.
// js.stripe.com cannot be reached from here, so Stripe's Payment Element itself never renders:
// what is tested is everything around it — the page asks the API for the PaymentIntent (the
// recorder sees it, with the amount in cents), and Stripe's signed `payment_intent.succeeded`
// webhook credits the balance the open page then shows without a reload. The run's main product
// has no Stripe key: the seed story checks the option is not offered there.
import { randomBytes, randomUUID } from 'node:crypto';
import { paymentIntentSucceeded, signStripeWebhook, startStripeRecorder, type StripeIntent, type StripeRecorder } from '@billing/testing';
import type { Browser } from 'playwright-core';
import { ProductApi } from './__fixtures__/api.js';
import { launchChromium } from './__fixtures__/chromium.js';
import { card, expectText } from './__fixtures__/page-helpers.js';
import { PHONE, Portal } from './__fixtures__/portal.js';
import { BUILD_DIR_ENV, buildProduct, startInstance, type RunningInstance } from './__fixtures__/product.js';

const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

describe('card top-up in Chromium (Stripe at the local recorder)', () => {
  let recorder: StripeRecorder;
  let product: RunningInstance;
  let ownBuild: (() => void) | undefined;
  let browser: Browser;
  let portal: Portal | undefined;

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    // the global setup's build (a suite run against an already running product built none)
    let buildDir = process.env[BUILD_DIR_ENV];
    if (buildDir === undefined) ({ buildDir, cleanup: ownBuild } = buildProduct());
    product = await startInstance(buildDir, {
      STRIPE_SECRET_KEY: `sk_test_${randomBytes(12).toString('hex')}`,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: recorder.baseUrl,
      STRIPE_PUBLISHABLE_KEY: `pk_test_${randomBytes(12).toString('hex')}`,
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await portal?.close().catch(() => undefined);
    await browser?.close();
    await product?.stop();
    await recorder?.close();
    ownBuild?.();
  });

  it('the customer asks for 25.00: the API creates the PaymentIntent, the signed webhook shows the new balance live', async () => {
    // the customer to top up: ITC opens it through the API (the pages that do so are the seed story's)
    const api = new ProductApi(product.baseUrl);
    const admin = await api.login('admin', product.adminPassword);
    const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
    await api.expectOk('POST', '/api/v1/rate-sheets', admin, { sheetId: 'card-base', name: 'Card base', rows });
    const profile = await api.expectOk('POST', '/api/v1/customer-profiles', admin, { name: 'Card payers', billingType: 'prepaid', rateSheetId: 'card-base' }, randomUUID());
    const opened = await api.expectOk('POST', '/api/v1/customers', admin, { profileId: profile.body.id }, randomUUID());
    const { accountNumber, portalPassword } = opened.body.credentials as { accountNumber: string; portalPassword: string };

    portal = await Portal.open(browser, product.baseUrl, 'customer');
    const { page } = portal;
    await portal.login(accountNumber, portalPassword);
    await page.getByRole('heading', { level: 1, name: 'Balance' }).waitFor();
    await expectText(card(page, 'Your balance'), /\$0\.00/);
    const topUp = card(page, 'Top up by card');
    await topUp.getByLabel('Amount').fill('25');
    await portal.check('balance-card-top-up');

    // one PaymentIntent, 2500 cents, for this customer
    await topUp.getByRole('button', { name: 'Continue to payment' }).click();
    const intent = await created(recorder);
    expect(intent.amount).toBe(2500);
    expect(intent.currency).toBe('usd');
    expect(recorder.intents.size).toBe(1);
    // Stripe.js cannot load here: the page says so, and that nothing was charged
    await page.getByRole('alert').filter({ hasText: 'The card form could not load' }).filter({ hasText: 'Nothing was charged' }).waitFor();

    // Stripe tells the product the payment succeeded: the open page shows 25.00, no reload
    const payload = JSON.stringify(paymentIntentSucceeded(intent));
    const signature = signStripeWebhook(payload, WEBHOOK_SECRET);
    const webhook = await fetch(`${product.baseUrl}/api/v1/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    expect(webhook.status).toBe(200);
    await expectText(card(page, 'Your balance'), /\$25\.00/);
    await expectText(card(page, 'Transactions'), /Card top-up/);
    await portal.check('balance-card-paid');
    portal.expectNoProblems();

    // the same page on a 390 px phone, the top-up offered there too
    const phone = await Portal.open(browser, product.baseUrl, 'customer', PHONE);
    try {
      await phone.login(accountNumber, portalPassword);
      await card(phone.page, 'Top up by card').getByLabel('Amount').waitFor();
      await phone.check('balance-card-top-up');
      phone.expectNoProblems();
    } finally {
      await phone.close();
    }
  }, 120_000);
});

/** The PaymentIntent the product asked the recorder for (bounded wait). */
async function created(recorder: StripeRecorder): Promise<StripeIntent> {
  const deadline = Date.now() + 20_000;
  while (recorder.intents.size === 0) {
    if (Date.now() > deadline) throw new Error(`the product created no PaymentIntent; the recorder saw: ${recorder.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [...recorder.intents.values()][0]!;
}

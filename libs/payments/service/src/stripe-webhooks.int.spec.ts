// POST /api/v1/webhooks/stripe end to end: events signed with the real library's
// generateTestHeaderString, verified by the production path on the raw body, credited and
// reversed through the real wallet on PostgreSQL. Balances are read from the ledger itself.
import { parseMoney } from '@billing/money';
import { WalletCommands } from '@billing/wallet-service';
import { signStripeWebhook } from '@billing/testing';
import { chargeRefunded, disputeEvent, paymentIntentSucceeded, PaymentsTestApp, stripeId, TEST_WEBHOOK_SECRET } from './__fixtures__/payments-test-app.js';
import type { StripeIntent } from '@billing/testing';
import { decideStripeEvent, depositIdFor, paymentStreamId } from './card-payment/card-payment.js';
import { readStripeEvent } from './card-payment/stripe-event.js';
import { paymentEventId } from './infrastructure/payments-database.js';

describe('Stripe webhooks', () => {
  let app: PaymentsTestApp;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    app = await PaymentsTestApp.start();
    await app.openAgent('ag-1', '10');
    await app.openAgent('ag-2', '20');
    tokens = { 'ag-1': await app.token('agent', 'ag-1'), 'ag-2': await app.token('agent', 'ag-2') };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  async function customer(customerId: string, agentId: string | null): Promise<string> {
    await app.openCustomer(customerId, agentId);
    return app.token('customer', customerId);
  }

  /** Starts a card deposit through the API; returns the PaymentIntent as the recorder created it. */
  async function intentFor(token: string, amount: string): Promise<StripeIntent> {
    const res = await app.startCardDeposit(token, { amount });
    expect(res.status).toBe(201);
    return app.recorder.intents.get(res.body.paymentIntentId)!;
  }

  async function recorded(paymentIntentId: string) {
    return (await app.payments.store.readStream(paymentStreamId(paymentIntentId))).map((event) => event.type);
  }

  describe('signatures', () => {
    it('a bad, missing, stale or foreign signature is a 400, and nothing is credited or recorded', async () => {
      const intent = await intentFor(tokens['ag-1']!, '40');
      const event = paymentIntentSucceeded(intent);
      const before = await app.balanceMicros('agent:ag-1');

      const wrongSecret = await app.sendWebhook(event, { secret: 'whsec_not_ours' });
      expect(wrongSecret.status).toBe(400);
      expect(wrongSecret.contentType).toMatch(/application\/problem\+json/);
      expect(wrongSecret.body).toMatchObject({ code: 'invalid_signature' });
      expect((await app.sendWebhook(event, { signature: null })).body).toMatchObject({ status: 400, detail: 'The Stripe-Signature header is missing.' });
      expect((await app.sendWebhook(event, { signature: 't=1,v1=deadbeef' })).status).toBe(400);
      expect((await app.sendWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(400);

      // a valid signature of one body sent with another body (amount raised after signing)
      const signedBody = JSON.stringify(event);
      const tampered = signedBody.replace(`"amount_received":${intent.amount}`, `"amount_received":${intent.amount * 10}`);
      const header = signStripeWebhook(signedBody, TEST_WEBHOOK_SECRET);
      expect((await app.sendWebhook(tampered, { signature: header })).status).toBe(400);

      expect(await app.balanceMicros('agent:ag-1')).toBe(before);
      expect(await recorded(intent.id)).toEqual(['CardPaymentRequested']);
    });

    it('the signature is checked on the exact bytes: the same event pretty-printed differently still verifies', async () => {
      const intent = await intentFor(tokens['ag-2']!, '1');
      const res = await app.sendWebhook(JSON.stringify(paymentIntentSucceeded(intent)));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: true, outcome: 'processed' });
    });
  });

  describe('payment_intent.succeeded', () => {
    it('credits an agent exactly once however often Stripe delivers it: 5 times in a row, then 5 at once', async () => {
      const before = await app.balanceMicros('agent:ag-1');
      const intent = await intentFor(tokens['ag-1']!, '25.5');
      const event = paymentIntentSucceeded(intent);

      const sequential = [];
      for (let i = 0; i < 5; i++) sequential.push(await app.sendWebhook(event));
      expect(sequential.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
      expect(sequential.map((res) => res.body.outcome)).toEqual(['processed', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(sequential[0]!.body).toMatchObject({ eventId: event.id, paymentIntentId: intent.id, effects: [{ type: 'CardDepositCredited', depositId: `card-${intent.id}` }] });

      const concurrent = await Promise.all(Array.from({ length: 5 }, () => app.sendWebhook(event)));
      expect(concurrent.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);

      const agent = await app.account('agent:ag-1');
      expect(agent.balanceMicros - before).toBe(parseMoney('25.5'));
      expect(agent.deposits.get(depositIdFor(intent.id, 0))).toMatchObject({ amountMicros: parseMoney('25.5'), commissionMicros: 0n });
      expect(await recorded(intent.id)).toEqual(['CardPaymentRequested', 'StripeEventReceived', 'CardPaymentSucceeded', 'WalletEffectsPlanned', 'CardDepositCredited']);
    });

    it('5 concurrent first deliveries of a new payment also credit once', async () => {
      const cust = await customer('cu-conc', 'ag-1');
      const intent = await intentFor(cust, '7');
      const event = paymentIntentSucceeded(intent);
      const results = await Promise.all(Array.from({ length: 5 }, () => app.sendWebhook(event)));
      expect(results.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
      expect(await app.balanceMicros('customer:cu-conc')).toBe(parseMoney('7'));
      expect((await recorded(intent.id)).filter((type) => type === 'CardDepositCredited')).toHaveLength(1);
    });

    it("dedupes by payment too: a second success event (another event id) for the same PaymentIntent credits nothing", async () => {
      const cust = await customer('cu-twice', null);
      const intent = await intentFor(cust, '3');
      expect((await app.sendWebhook(paymentIntentSucceeded(intent))).body.outcome).toBe('processed');
      expect((await app.sendWebhook(paymentIntentSucceeded(intent))).body.outcome).toBe('duplicate');
      expect(await app.balanceMicros('customer:cu-twice')).toBe(parseMoney('3'));
    });

    it("a customer's top-up accrues its agent's commission (the wallet's deposit path)", async () => {
      const cust = await customer('cu-comm', 'ag-2');
      const commissionBefore = await app.balanceMicros('commission:ag-2');
      const intent = await intentFor(cust, '50');
      expect((await app.sendWebhook(paymentIntentSucceeded(intent))).status).toBe(200);

      const account = await app.account('customer:cu-comm');
      expect(account.balanceMicros).toBe(parseMoney('50'));
      expect(account.deposits.get(`card-${intent.id}`)).toMatchObject({ amountMicros: parseMoney('50'), commissionMicros: parseMoney('10') });
      expect((await app.balanceMicros('commission:ag-2')) - commissionBefore).toBe(parseMoney('10'));

      const shown = await app.request('GET', `/api/v1/payments/card-deposits/${intent.id}`, { token: cust });
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ paymentIntentId: intent.id, kind: 'customer', holderId: 'cu-comm', amount: '50', currency: 'USD', status: 'credited', credited: '50' });
      expect(shown.body.events.map((e: { type: string }) => e.type)).toContain('CardDepositCredited');
      // its agent sees it too; another agent does not
      expect((await app.request('GET', `/api/v1/payments/card-deposits/${intent.id}`, { token: tokens['ag-2']! })).status).toBe(200);
      expect((await app.request('GET', `/api/v1/payments/card-deposits/${intent.id}`, { token: tokens['ag-1']! })).status).toBe(404);
    });

    it('a tampered amount (received ≠ what we asked for) is refused and recorded, never credited', async () => {
      const cust = await customer('cu-tamper', 'ag-1');
      const intent = await intentFor(cust, '20');
      const res = await app.sendWebhook(paymentIntentSucceeded(intent, { amountReceived: 200_000 }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'refused', effects: [] });
      expect(await app.balanceMicros('customer:cu-tamper')).toBe(0n);

      const events = await app.payments.store.readStream(paymentStreamId(intent.id));
      expect(events.map((e) => e.data)).toContainEqual(
        expect.objectContaining({ type: 'CardPaymentRefused', code: 'amount_mismatch', detail: 'received 200000 minor units of USD, the payment was for 2000' }),
      );
      const shown = await app.request('GET', `/api/v1/payments/card-deposits/${intent.id}`, { token: cust });
      expect(shown.body).toMatchObject({ status: 'refused', credited: '0' });

      // metadata changed to match the tampered amount: the recorded request still disagrees
      const forged = { ...intent.metadata, amount_micros: '2000000000' };
      const second = await app.sendWebhook(paymentIntentSucceeded(intent, { amountReceived: 200_000, metadata: forged }));
      expect(second.body.outcome).toBe('refused');
      expect(await app.balanceMicros('customer:cu-tamper')).toBe(0n);
    });

    it('a payment in another currency is refused', async () => {
      const cust = await customer('cu-eur', null);
      const intent = await intentFor(cust, '5');
      const res = await app.sendWebhook(paymentIntentSucceeded(intent, { currency: 'eur' }));
      expect(res.body.outcome).toBe('refused');
      expect(await app.balanceMicros('customer:cu-eur')).toBe(0n);
    });
  });

  describe('refunds and disputes', () => {
    it('a full refund reverses the deposit and its commission, once', async () => {
      const cust = await customer('cu-refund', 'ag-2');
      const commissionBefore = await app.balanceMicros('commission:ag-2');
      const intent = await intentFor(cust, '30');
      await app.sendWebhook(paymentIntentSucceeded(intent));
      expect((await app.balanceMicros('commission:ag-2')) - commissionBefore).toBe(parseMoney('6'));

      const refund = chargeRefunded(intent, intent.amount);
      const results = [await app.sendWebhook(refund), await app.sendWebhook(refund), ...(await Promise.all([app.sendWebhook(refund), app.sendWebhook(refund)]))];
      expect(results.map((res) => res.status)).toEqual([200, 200, 200, 200]);
      expect(results[0]!.body).toMatchObject({ outcome: 'processed', effects: [{ type: 'CardDepositReversed', depositId: `card-${intent.id}` }] });

      const account = await app.account('customer:cu-refund');
      expect(account.balanceMicros).toBe(0n);
      expect(account.deposits.get(`card-${intent.id}`)?.reversed).toBe(true);
      expect(await app.balanceMicros('commission:ag-2')).toBe(commissionBefore);
      const shown = await app.request('GET', `/api/v1/payments/card-deposits/${intent.id}`, { token: cust });
      expect(shown.body).toMatchObject({ status: 'refunded', credited: '0', refunded: '30' });
    });

    it('a partial refund reverses the deposit and credits the rest as a new deposit (commission follows)', async () => {
      const cust = await customer('cu-partial', 'ag-1');
      const commissionBefore = await app.balanceMicros('commission:ag-1');
      const intent = await intentFor(cust, '40');
      await app.sendWebhook(paymentIntentSucceeded(intent));
      const res = await app.sendWebhook(chargeRefunded(intent, 1000));
      expect(res.body.effects).toEqual([
        { type: 'CardDepositReversed', depositId: `card-${intent.id}` },
        { type: 'CardDepositCredited', depositId: `card-${intent.id}-1` },
      ]);
      expect(await app.balanceMicros('customer:cu-partial')).toBe(parseMoney('30'));
      expect((await app.balanceMicros('commission:ag-1')) - commissionBefore).toBe(parseMoney('3'));

      // the rest refunded later: nothing left, no commission left
      await app.sendWebhook(chargeRefunded(intent, 4000));
      expect(await app.balanceMicros('customer:cu-partial')).toBe(0n);
      expect(await app.balanceMicros('commission:ag-1')).toBe(commissionBefore);
    });

    it('a dispute reverses the deposit as a chargeback with its commission; winning it credits it again', async () => {
      const cust = await customer('cu-dispute', 'ag-2');
      const commissionBefore = await app.balanceMicros('commission:ag-2');
      const intent = await intentFor(cust, '15');
      await app.sendWebhook(paymentIntentSucceeded(intent));

      const disputeId = stripeId('dp');
      const opened = disputeEvent('charge.dispute.created', intent, { id: disputeId, status: 'needs_response' });
      expect((await app.sendWebhook(opened)).body.effects).toEqual([{ type: 'CardDepositReversed', depositId: `card-${intent.id}` }]);
      expect((await app.sendWebhook(opened)).body.outcome).toBe('duplicate');
      const account = await app.account('customer:cu-dispute');
      expect(account.balanceMicros).toBe(0n);
      expect(await app.balanceMicros('commission:ag-2')).toBe(commissionBefore);
      const deposit = account.deposits.get(`card-${intent.id}`);
      expect(deposit?.reversed).toBe(true);

      const won = await app.sendWebhook(disputeEvent('charge.dispute.closed', intent, { id: disputeId, status: 'won' }));
      expect(won.body.effects).toEqual([{ type: 'CardDepositCredited', depositId: `card-${intent.id}-1` }]);
      expect(await app.balanceMicros('customer:cu-dispute')).toBe(parseMoney('15'));
    });

    it('an inquiry (warning_needs_response) moves no money', async () => {
      const cust = await customer('cu-inquiry', null);
      const intent = await intentFor(cust, '9');
      await app.sendWebhook(paymentIntentSucceeded(intent));
      const res = await app.sendWebhook(disputeEvent('charge.dispute.created', intent, { id: stripeId('dp'), status: 'warning_needs_response' }));
      expect(res.body).toMatchObject({ outcome: 'processed', effects: [] });
      expect(await app.balanceMicros('customer:cu-inquiry')).toBe(parseMoney('9'));
    });

    it('a refund that arrives before the success: the success then credits nothing', async () => {
      const cust = await customer('cu-early-refund', null);
      const intent = await intentFor(cust, '12');
      expect((await app.sendWebhook(chargeRefunded(intent, intent.amount))).body.effects).toEqual([]);
      expect((await app.sendWebhook(paymentIntentSucceeded(intent))).body.effects).toEqual([]);
      expect(await app.balanceMicros('customer:cu-early-refund')).toBe(0n);
    });
  });

  describe('everything else', () => {
    it('unknown event types are answered 200 and ignored, and still recorded', async () => {
      const cust = await customer('cu-other', null);
      const intent = await intentFor(cust, '2');
      const created = { id: stripeId('evt'), object: 'event', created: Math.floor(Date.now() / 1000), livemode: false, type: 'payment_intent.created', data: { object: intent } };
      const res = await app.sendWebhook(created);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'ignored', paymentIntentId: intent.id });
      expect(await recorded(intent.id)).toEqual(['CardPaymentRequested', 'StripeEventReceived']);

      const unrelated = { id: stripeId('evt'), object: 'event', created: Math.floor(Date.now() / 1000), livemode: false, type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } };
      const ignored = await app.sendWebhook(unrelated);
      expect(ignored.body).toMatchObject({ outcome: 'ignored', paymentIntentId: null });
      expect((await app.payments.store.readStream(`stripe-event-${unrelated.id}`)).map((e) => e.type)).toEqual(['UnroutedStripeEventReceived']);
    });

    it('a plan recorded before a crash (effects not confirmed) is finished by the next delivery, crediting once', async () => {
      const cust = await customer('cu-crash', 'ag-1');
      const intent = await intentFor(cust, '11');
      const event = paymentIntentSucceeded(intent);
      // what a process that died right after planning left behind: receipt, fact, plan — and the
      // wallet credit already applied — but no outcome
      const loaded = await app.payments.loadPayment(intent.id);
      const decision = decideStripeEvent(loaded.state, readStripeEvent(event)!, 'USD', new Date().toISOString());
      await app.payments.appendPayment(
        intent.id,
        decision.events.map((e, i) => ({ id: paymentEventId(i === 0 ? `stripe-event:${event.id}` : `stripe-event:${event.id}:${i}`), event: e })),
        loaded.version,
        {},
      );
      await app.gw.app.get(WalletCommands).depositToCustomer({ depositId: `card-${intent.id}`, customerId: 'cu-crash', amountMicros: parseMoney('11'), source: { kind: 'card', paymentIntentId: intent.id } }, { actor: 'system:stripe' });

      const redelivered = await app.sendWebhook(event);
      expect(redelivered.status).toBe(200);
      expect(redelivered.body.outcome).toBe('duplicate');
      expect(await app.balanceMicros('customer:cu-crash')).toBe(parseMoney('11'));
      expect(await recorded(intent.id)).toEqual(['CardPaymentRequested', 'StripeEventReceived', 'CardPaymentSucceeded', 'WalletEffectsPlanned', 'CardDepositCredited']);
    });
  });
});

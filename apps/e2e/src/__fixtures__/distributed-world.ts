// The whole system as a user deploys it (issue 7): the five processes built from this checkout
// (tools/distributed/topology.ts), on the run's real PostgreSQL (a database of their own) and
// real Kafka, with a real SMTP server receiving the mail and a local recorder in place of
// api.stripe.com (the real `stripe` library talks to it; webhooks are signed with it).
import { freePorts, paymentIntentSucceeded, signStripeWebhook, startStripeRecorder, stripeId, startTestSmtpServer, testDatabaseUrl, testKafkaBrokers, uniqueName, type StripeRecorder, type TestSmtpServer } from '@billing/testing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Topology } from '@billing/topology';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
export const SWITCH_API_KEY = `sk_e2e_${randomBytes(16).toString('hex')}`;
export const ADMIN_PASSWORD = `admin-${randomBytes(12).toString('hex')}`;
export const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export class DistributedWorld {
  private constructor(
    readonly topology: Topology,
    readonly smtp: TestSmtpServer,
    readonly stripe: StripeRecorder,
    readonly databaseUrl: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  /** `kafkaBrokers`: a broker of the test's own (the fault suite stops and starts it); default the run's. */
  static async start(options: { kafkaBrokers?: string } = {}): Promise<DistributedWorld> {
    const id = uniqueName('e2e');
    const buildDir = path.join(root, '.tmp', `build-${id}`);
    execFileSync(process.execPath, [path.join(root, 'tools', 'build.mjs')], { env: { ...process.env, BUILD_OUT_DIR: path.relative(root, buildDir) }, stdio: 'ignore' });

    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${id}`);
    await admin.end();
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${id}`;
    const databaseUrl = url.toString();

    const smtp = await startTestSmtpServer();
    const stripe = await startStripeRecorder();
    const [gateway, accounts, wallet, rating, notifications] = await freePorts(5);
    let topology: Topology | undefined;
    const cleanup = async () => {
      await topology?.stop();
      await smtp.stop();
      await stripe.close();
      const drop = new pg.Client({ connectionString: testDatabaseUrl() });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
      await drop.end();
      rmSync(buildDir, { recursive: true, force: true });
    };
    try {
      topology = await Topology.start({
        buildDir,
        databaseUrl,
        kafkaBrokers: options.kafkaBrokers ?? testKafkaBrokers().join(','),
        ports: { gateway: gateway!, accounts: accounts!, wallet: wallet!, rating: rating!, notifications: notifications! },
        switchApiKey: SWITCH_API_KEY,
        jwtSecret: randomBytes(48).toString('base64url'),
        adminPassword: ADMIN_PASSWORD,
        logDir: path.join(root, '.tmp', `logs-${id}`),
        env: {
          SMTP_URL: smtp.url,
          MAIL_FROM: 'billing@itc.example',
          PORTAL_URL: 'https://portal.itc.example',
          STRIPE_SECRET_KEY: 'sk_test_e2e',
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
          STRIPE_API_BASE: stripe.baseUrl,
        },
      });
    } catch (error) {
      await cleanup().catch(() => undefined);
      throw error;
    }
    return new DistributedWorld(topology, smtp, stripe, databaseUrl, cleanup);
  }

  get baseUrl(): string {
    return this.topology.url('gateway');
  }

  async request(method: string, urlPath: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${urlPath}`, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // CSV and other text answers stay text
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  /** `request`, and a readable failure when the status is not the one expected. */
  async expect(status: number, method: string, urlPath: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const answer = await this.request(method, urlPath, options);
    if (answer.status !== status) throw new Error(`${method} ${urlPath}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 600)}`);
    return answer;
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.expect(200, 'POST', '/api/v1/auth/login', { body: { username, password } })).body.accessToken as string;
  }

  switch(method: string, urlPath: string, body: unknown): Promise<HttpAnswer> {
    return this.request(method, urlPath, { token: SWITCH_API_KEY, body });
  }

  /** Pays the card deposit as Stripe would: the PaymentIntent the recorder created, succeeded, signed. */
  async payCardDeposit(clientSecret: string, eventId = stripeId('evt')): Promise<HttpAnswer> {
    const intent = [...this.stripe.intents.values()].find((candidate) => candidate.client_secret === clientSecret);
    if (intent === undefined) throw new Error('the recorder created no PaymentIntent with this client secret');
    return this.sendWebhook(paymentIntentSucceeded(intent, { eventId }));
  }

  sendWebhook(event: object): Promise<HttpAnswer> {
    const payload = JSON.stringify(event, null, 2);
    const signature = signStripeWebhook(payload, WEBHOOK_SECRET);
    return this.request('POST', '/api/v1/webhooks/stripe', { rawBody: payload, headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature } });
  }

  async close(): Promise<void> {
    await this.cleanup();
  }
}

/** Polls `check` until it is true (bounded; the message names what did not happen). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

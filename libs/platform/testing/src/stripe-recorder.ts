// A stand-in for api.stripe.com in tests (docs/ARCHITECTURE.md, Tests: no Stripe is reachable from here): a real HTTP
// server on 127.0.0.1 that records every request the `stripe` library sends — method, path,
// headers, the form-encoded body — and answers POST /v1/payment_intents as Stripe does, including
// Stripe's own idempotency (the same Idempotency-Key answers the same PaymentIntent).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the form body as Stripe's encoding writes it: `metadata[kind]` → value. */
  form: Record<string, string>;
}

export interface StripeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  client_secret: string;
  description: string | null;
  metadata: Record<string, string>;
  status: string;
  livemode: boolean;
  created: number;
}

export interface StripeRecorder {
  /** http://127.0.0.1:<port> — STRIPE_API_BASE */
  baseUrl: string;
  requests: RecordedStripeRequest[];
  /** every PaymentIntent created, by id, as it was answered. */
  intents: Map<string, StripeIntent>;
  /** the next N PaymentIntent creations answer this error instead. */
  failNext(status: number, error: { type: string; message: string }, times?: number): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startStripeRecorder(): Promise<StripeRecorder> {
  const requests: RecordedStripeRequest[] = [];
  const byIdempotencyKey = new Map<string, StripeIntent>();
  const intents = new Map<string, StripeIntent>();
  let failures: { status: number; error: { type: string; message: string }; times: number } | undefined;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const recorded: RecordedStripeRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, form };
      requests.push(recorded);
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
        res.end(JSON.stringify(body));
      };
      if (recorded.method !== 'POST' || recorded.path !== '/v1/payment_intents') return answer(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${recorded.method}: ${recorded.path})` } });
      if (failures !== undefined && failures.times > 0) {
        failures.times -= 1;
        return answer(failures.status, { error: failures.error });
      }
      const key = header(req.headers['idempotency-key']);
      const previous = key === undefined ? undefined : byIdempotencyKey.get(key);
      if (previous !== undefined) return answer(200, previous);
      const id = `pi_test_${randomBytes(10).toString('hex')}`;
      const metadata = Object.fromEntries(Object.entries(form).flatMap(([name, value]) => (/^metadata\[(.+)\]$/.exec(name) ? [[/^metadata\[(.+)\]$/.exec(name)![1]!, value]] : [])));
      const intent: StripeIntent = {
        id,
        object: 'payment_intent',
        amount: Number(form.amount),
        amount_received: 0,
        currency: form.currency ?? '',
        client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
        description: form.description ?? null,
        metadata,
        status: 'requires_payment_method',
        livemode: false,
        created: Math.floor(Date.now() / 1000),
      };
      if (key !== undefined) byIdempotencyKey.set(key, intent);
      intents.set(id, intent);
      return answer(200, intent);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    intents,
    failNext(status, error, times = 1) {
      failures = { status, error, times };
    },
    clear() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

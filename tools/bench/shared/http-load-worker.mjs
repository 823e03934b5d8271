// The HTTP load generator's thread (http-load.ts starts it): the benchmark's clients must not
// share the service's event loop, or the service is charged for the load generator's work (undici
// `fetch` was ≈ 20–30 % of that thread in the profiles). Plain JavaScript: a worker does not get
// the TypeScript loader. Requests are data (http-load.ts LoadPlan); `{{seq}}` in a path or body
// becomes the request's sequence number, and `freshKeyHeader` gets a new UUID per request.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const MAX_FAILURES_KEPT = 5;
const MAX_IN_FLIGHT = 10_000; // a paced run never holds more open requests than this

const plan = workerData;
const base = new URL(plan.baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.kind === 'closed' ? plan.clients.length : 512 });

function send(template, sequence) {
  const path = template.path.replaceAll('{{seq}}', String(sequence));
  const body = template.body === undefined ? undefined : Buffer.from(template.body.replaceAll('{{seq}}', String(sequence)));
  const headers = { ...template.headers };
  if (plan.freshKeyHeader) headers[plan.freshKeyHeader] = randomUUID();
  if (body !== undefined) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: base.hostname, port: base.port, path, method: template.method, headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== template.expectStatus) reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`));
        else resolve(text);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function newResult() {
  return { ok: 0, failed: 0, elapsedMs: 0, latenciesMs: [], failures: [], sent: 0, counted: 0 };
}

function record(result, text) {
  result.ok += 1;
  if (plan.countWhenBodyIncludes !== undefined && text.includes(plan.countWhenBodyIncludes)) result.counted += 1;
}

function fail(result, error) {
  result.failed += 1;
  if (result.failures.length < MAX_FAILURES_KEPT) result.failures.push(error instanceof Error ? error.message : String(error));
}

async function closed() {
  const result = newResult();
  const startedMs = performance.now();
  const endMs = startedMs + plan.durationMs;
  let nextSequence = plan.firstSequence;
  const client = async (templates) => {
    for (let turn = 0; performance.now() < endMs; turn += 1) {
      const sequence = nextSequence++;
      const sentMs = performance.now();
      result.sent += 1;
      try {
        record(result, await send(templates[turn % templates.length], sequence));
        result.latenciesMs.push(performance.now() - sentMs);
      } catch (error) {
        fail(result, error);
      }
    }
  };
  await Promise.all(plan.clients.map(client));
  result.elapsedMs = performance.now() - startedMs;
  return result;
}

async function paced() {
  const result = newResult();
  const intervalMs = 1_000 / plan.ratePerSecond;
  const total = Math.round((plan.ratePerSecond * plan.durationMs) / 1_000);
  const startedMs = performance.now();
  const inFlight = new Set();
  for (let index = 0; index < total; index += 1) {
    const scheduledMs = startedMs + index * intervalMs;
    const waitMs = scheduledMs - performance.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs)); // never early
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const sequence = plan.firstSequence + index;
    result.sent += 1;
    const pending = send(plan.requests[index % plan.requests.length], sequence).then(
      (text) => {
        record(result, text);
        result.latenciesMs.push(performance.now() - scheduledMs); // from the scheduled instant
      },
      (error) => fail(result, error),
    );
    inFlight.add(pending);
    void pending.finally(() => inFlight.delete(pending));
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - startedMs;
  return result;
}

try {
  const result = plan.kind === 'closed' ? await closed() : await paced();
  parentPort.postMessage({ result });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.stack : String(error) });
} finally {
  agent.destroy();
}

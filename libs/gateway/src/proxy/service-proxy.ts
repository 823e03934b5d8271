// Distributed mode: forwards a public request to the service process that owns its path
// (service-routes.ts), streaming both ways (CSV uploads and Stripe's raw body arrive untouched;
// the service verifies auth, validates and answers problem+json itself). A service that cannot
// be reached is a 503 problem, never a hang: connecting and answering are both bounded.
import { Logger } from '@nestjs/common';
import http from 'node:http';
import { COMMITTED_EVENTS_HEADER, decodeCommittedEvents, type HandledEvents } from '@billing/messaging';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { PROBLEM_CONTENT_TYPE, ProblemException } from '../problem/problem.js';
import { READ_MODELS_WITHIN_MS } from '../read-your-writes/committed-events.interceptor.js';
import { serviceFor, type ServiceName } from './service-routes.js';

export interface ServiceProxyOptions {
  /** base URL of each service process, e.g. `http://127.0.0.1:3101`. */
  upstreams: Readonly<Record<ServiceName, string>>;
  /** no response headers from the service within this time → 504 (default 60 s: CSV imports). */
  responseTimeoutMs?: number;
  /**
   * The read models of this process (the reports' consumer): a service's answer that names the
   * integration events its command committed (x-committed-events) is held until they are handled
   * (read-your-writes, bounded like every such wait); the header never reaches the client.
   */
  handledEvents?: HandledEvents;
}

/** hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

const logger = new Logger('ReadYourWrites');

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

type Next = (error?: unknown) => void;

export function serviceProxy(options: ServiceProxyOptions): (request: HttpRequest, response: HttpResponse, next: Next) => void {
  const responseTimeoutMs = options.responseTimeoutMs ?? 60_000;
  const upstreams = new Map(Object.entries(options.upstreams).map(([name, base]) => [name, new URL(base)]));
  return (request, response, next) => {
    const service = serviceFor(request.originalUrl ?? request.url);
    if (service === undefined) return next();
    const base = upstreams.get(service);
    if (base === undefined) return next(new Error(`no upstream configured for service ${service}`));
    forward(request, response, service, base, responseTimeoutMs, options.handledEvents);
  };
}

function forward(request: HttpRequest, response: HttpResponse, service: ServiceName, base: URL, responseTimeoutMs: number, handledEvents: HandledEvents | undefined): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  }
  const forwardedFor = request.headers['x-forwarded-for'];
  const client = request.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = typeof forwardedFor === 'string' && forwardedFor !== '' ? `${forwardedFor}, ${client}` : client;
  headers['x-forwarded-host'] = request.headers.host ?? '';

  const upstream = http.request(
    { protocol: base.protocol, hostname: base.hostname, port: base.port, method: request.method, path: request.originalUrl ?? request.url, headers, agent },
    (answer) => {
      upstream.setTimeout(0);
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!HOP_BY_HOP.has(name) && name !== COMMITTED_EVENTS_HEADER && value !== undefined) out[name] = value;
      }
      answer.on('error', () => response.destroy());
      const send = () => {
        response.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(response);
      };
      const committed = decodeCommittedEvents(answer.headers[COMMITTED_EVENTS_HEADER]);
      if (committed.length === 0 || handledEvents === undefined) return send();
      // the body waits in the socket meanwhile (nothing reads it before the pipe)
      const started = Date.now();
      void handledEvents.waitFor(committed, READ_MODELS_WITHIN_MS).then((handled) => {
        if (!handled) logger.warn(`${service}: answered before the read models handled ${committed.length} event(s) (${Date.now() - started} ms)`);
        send();
      });
    },
  );
  upstream.setTimeout(responseTimeoutMs, () => upstream.destroy(new TimeoutError()));
  upstream.on('error', (error) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const timedOut = error instanceof TimeoutError;
    writeUnavailable(response, request, timedOut ? 504 : 503, service, timedOut ? `did not answer within ${responseTimeoutMs} ms` : error.message);
  });
  // the client went away: stop the upstream request too
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

class TimeoutError extends Error {}

function writeUnavailable(response: HttpResponse, request: HttpRequest, status: 503 | 504, service: ServiceName, cause: string): void {
  const { problem } = new ProblemException(
    status,
    status === 503 ? 'service_unavailable' : 'service_timeout',
    `The ${service} service is not reachable right now (${cause}); retry shortly. Requests with an Idempotency-Key are safe to repeat.`,
  );
  problem.instance = (request.originalUrl ?? request.url).split('?', 1)[0];
  response.writeHead(status, { 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '1' });
  response.end(JSON.stringify(problem));
}

// The global exception filter: every error an HTTP request raises leaves as problem+json.
import { Catch, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { PROBLEM_CONTENT_TYPE, unknownRoute } from './problem.js';
import { toProblem } from './to-problem.js';

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    // Message handlers (microservice transports) keep their own error semantics (retry, DLQ).
    if (host.getType() !== 'http') return throwError(() => error);
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<HttpResponse>();
    const { problem, headers, unexpected } = toProblem(isUnknownRoute(error) ? unknownRoute(request.method, requestPath(request)) : error);
    problem.instance = requestPath(request);

    if (unexpected) {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.logger.error(`${request.method} ${problem.instance} failed [${String(problem.errorId)}]: ${stack}`);
    }
    if (response.headersSent) {
      // A streamed response (SSE, CSV) failed midway: nothing valid can be written any more.
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    recordAnswer(request, problem.status, problem.code);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

/** `app.locals[PROBLEM_ANSWER_RECORDER]`: a test hook told every problem a matched route answers. */
export const PROBLEM_ANSWER_RECORDER = 'billingProblemAnswerRecorder';

export interface ProblemAnswer {
  method: string;
  /** the route as Express matched it (`/api/v1/customers/:id`). */
  route: string;
  status: number;
  code: string;
}

/** Specs compare what routes really answered with the OpenAPI document (see startGatewayTestApp). */
function recordAnswer(request: HttpRequest, status: number, code: string): void {
  const { app, route } = request as HttpRequest & { app?: { locals?: Record<string, unknown> }; route?: { path?: unknown } };
  const recorder = app?.locals?.[PROBLEM_ANSWER_RECORDER];
  if (typeof recorder !== 'function' || typeof route?.path !== 'string') return;
  (recorder as (answer: ProblemAnswer) => void)({ method: request.method, route: route.path, status, code });
}

/** Nest's answer when no route matches (RoutesResolver's not-found handler): `Cannot GET /x?y`. */
function isUnknownRoute(error: unknown): boolean {
  return error instanceof NotFoundException && /^Cannot [A-Z]+ \//.test(error.message);
}

/** The path without the query string (which may carry a token or an e-mail address). */
export function requestPath(request: Pick<HttpRequest, 'originalUrl' | 'url'>): string {
  const url = request.originalUrl ?? request.url ?? '';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

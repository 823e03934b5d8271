// Read-your-writes for the read models fed by integration events (issue 12 §5, the reports): every
// request runs with a collector of the integration events its command commits (wallet deposits,
// transfers, commission moves, a CDR's call and charges). Before the 2xx goes out, a process whose
// read-model consumer runs here (standalone; the distributed gateway) waits until that consumer
// has handled them — bounded, then answered anyway and logged, as the other "at once" waits do. A
// service process without one hands the ids on in a response header to the gateway's proxy.
import { COMMITTED_EVENTS_HEADER, CommittedEvents, collectCommittedEvents, encodeCommittedEvents, HandledEvents } from '@billing/messaging';
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { concatMap, Observable } from 'rxjs';
import type { HttpResponse } from '../http-types.js';

/** How long an answer waits for the read models at most (as the wallet's projections and accounts' consumers). */
export const READ_MODELS_WITHIN_MS = 2_000;

@Injectable()
export class CommittedEventsInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ReadYourWrites');

  constructor(@Inject(HandledEvents) private readonly handled: HandledEvents) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const committed = new CommittedEvents();
    // the handler runs (and its awaits continue) inside the collector's scope
    return new Observable((subscriber) =>
      collectCommittedEvents(committed, () =>
        next
          .handle()
          .pipe(
            concatMap(async (body: unknown) => {
              await this.settled(committed, response);
              return body;
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }

  private async settled(committed: CommittedEvents, response: HttpResponse): Promise<void> {
    // a bulk import (more than MAX_COMMITTED_EVENTS_PER_REQUEST events) answers without waiting
    const ids = committed.ids;
    if (ids.size === 0 || committed.overflowed) return;
    if (!this.handled.tracking) {
      response.setHeader(COMMITTED_EVENTS_HEADER, encodeCommittedEvents(ids));
      return;
    }
    const started = Date.now();
    if (!(await this.handled.waitFor([...ids], READ_MODELS_WITHIN_MS))) this.logger.warn(`answered before the read models handled ${ids.size} event(s) (${Date.now() - started} ms)`);
  }
}

// The business clock: commands carry `now` and `actor` from here (the domain has no clock).
import { Inject, Injectable } from '@nestjs/common';
import type { CommandMeta } from '@billing/rating-domain';
import { RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';

@Injectable()
export class RatingClock {
  constructor(@Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions) {}

  now(): Date {
    return this.options.clock();
  }

  meta(actor: string, now: Date = this.now()): CommandMeta {
    return { actor, now: now.toISOString() };
  }
}

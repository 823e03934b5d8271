// GET /reports/series behind the controller: the range and who may see what (the summary's
// scope), the buckets, the figures.
import { validationProblem, type Principal } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import type { SeriesQuery } from '../http/reports.schemas.js';
import { SummaryReports } from '../summary/summary-reports.js';
import { seriesBuckets } from './series-buckets.js';
import { seriesView, type SeriesView } from './series-view.js';
import { SeriesQueries } from './series.queries.js';

@Injectable()
export class SeriesReports {
  constructor(
    @Inject(SeriesQueries) private readonly queries: SeriesQueries,
    @Inject(SummaryReports) private readonly summary: SummaryReports,
  ) {}

  async series(user: Principal, query: SeriesQuery): Promise<SeriesView> {
    const { range, agentId } = await this.summary.scope(user, query);
    const buckets = seriesBuckets(range, query.bucketSeconds);
    if (!buckets.ok) throw validationProblem('query', [{ path: buckets.path, message: buckets.message }]);
    const data = await this.queries.load({ range, bucketSeconds: query.bucketSeconds, agentId });
    return seriesView(data, range, query.bucketSeconds, buckets.count);
  }
}

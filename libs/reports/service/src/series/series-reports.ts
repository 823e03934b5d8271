// GET /reports/series behind the controller: who may see what (as the summary), the range and its
// buckets, the figures.
import { validationProblem, type Principal } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import type { SeriesQuery } from '../http/reports.schemas.js';
import { REPORTS_OPTIONS, type ResolvedReportsOptions } from '../reports.options.js';
import { resolveReportRange } from '../summary/report-range.js';
import { SummaryReports } from '../summary/summary-reports.js';
import { seriesBuckets } from './series-buckets.js';
import { seriesView, type SeriesView } from './series-view.js';
import { SeriesQueries } from './series.queries.js';

@Injectable()
export class SeriesReports {
  constructor(
    @Inject(REPORTS_OPTIONS) private readonly options: ResolvedReportsOptions,
    @Inject(SeriesQueries) private readonly queries: SeriesQueries,
    @Inject(SummaryReports) private readonly summary: SummaryReports,
  ) {}

  async series(user: Principal, query: SeriesQuery): Promise<SeriesView> {
    const resolved = resolveReportRange(query, this.options.clock(), this.options.maxRangeDays);
    if (!resolved.ok) throw validationProblem('query', [{ path: resolved.path, message: resolved.message }]);
    const buckets = seriesBuckets(resolved.range, query.bucketSeconds);
    if (!buckets.ok) throw validationProblem('query', [{ path: buckets.path, message: buckets.message }]);
    const agentId = await this.summary.visibleAgent(user, query.agentId);
    const data = await this.queries.load({ range: resolved.range, bucketSeconds: query.bucketSeconds, agentId });
    return seriesView(data, resolved.range, query.bucketSeconds, buckets.count);
  }
}
